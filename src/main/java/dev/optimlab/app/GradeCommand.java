package dev.optimlab.app;

import dev.optimlab.course.ContentException;
import dev.optimlab.course.ContentSource;
import dev.optimlab.course.CourseLoader;
import dev.optimlab.course.Exercise;
import dev.optimlab.course.ExerciseLoader;
import dev.optimlab.course.Grader;
import dev.optimlab.course.Lang;
import dev.optimlab.course.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code optimlab grade EXERCISE_ID FILE.py [--lang en|zh] [--content-dir DIR]}: grades a program as Submit does
 * and prints the verdict JSON, like {@code otter grade} on one notebook. Exit code 0 when the attempt was
 * gradable, 1 when the checks could not grade it, 2 on a usage or content error.
 */
final class GradeCommand {

    static final String SUMMARY = "grade a program against an exercise: grade EXERCISE_ID FILE.py [--lang en|zh] [--content-dir DIR]";

    private GradeCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        Lang lang = Lang.EN;
        Path contentDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lang" -> {
                    if (i + 1 >= args.length || !(args[i + 1].equals("en") || args[i + 1].equals("zh"))) {
                        return usage(err, "--lang takes en or zh");
                    }
                    lang = args[++i].equals("zh") ? Lang.ZH : Lang.EN;
                }
                case "--content-dir" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--content-dir takes a folder");
                    }
                    contentDir = Path.of(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        return usage(err, "unknown option " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (positional.size() != 2) {
            return usage(err, "expected an exercise id and a program file");
        }
        String code;
        try {
            code = Files.readString(Path.of(positional.get(1)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return usage(err, "cannot read " + positional.get(1) + " (" + e.getClass().getSimpleName() + ")");
        }
        ContentSource source = contentDir == null ? ContentSource.classpath("content") : ContentSource.directory(contentDir);
        Map<String, Exercise> exercises;
        try {
            exercises = new ExerciseLoader(source).load(new CourseLoader(source).load());
        } catch (ContentException e) {
            err.println("optimlab grade: " + e.getMessage());
            return 2;
        }
        Exercise exercise = exercises.get(positional.get(0));
        if (exercise == null) {
            return usage(err, "no exercise '" + positional.get(0) + "' (known: " + String.join(", ", exercises.keySet()) + ")");
        }
        Verdict verdict = new Grader().grade(exercise, code, lang);
        out.println(verdict.toJson());
        return verdict.gradable() ? 0 : 1;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("optimlab grade: " + problem);
        err.println("usage: java -jar optimlab.jar " + SUMMARY.substring(SUMMARY.indexOf("grade EXERCISE_ID")));
        return 2;
    }
}
