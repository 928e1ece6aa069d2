package dev.optimlab.app;

import dev.optimlab.course.ContentLinter;
import dev.optimlab.course.ContentSource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code optimlab lint-content [DIR]}: runs the content test's checks on a course folder (by default the course
 * packaged in the jar) and prints one {@code file:line: message} line per problem, then a summary, as a compiler
 * or {@code flake8} would. Exit code 0 when the content is clean, 1 when it has problems, 64 on a usage error.
 */
final class LintContentCommand {

    static final String SUMMARY = "check a course folder as the content test does: lint-content [DIR]";
    static final int USAGE_ERROR = 64;

    static final String HELP = """
            usage: java -jar optimlab.jar lint-content [DIR]
            Checks the course in DIR (default: the course packaged in the jar): course.yaml, both languages of
            every chapter (same outline, runnable blocks run, relative links and images resolve, widgets parse)
            and every exercise (its files and texts load, the solution scores 1.0 and the starter less, in both
            languages). Prints file:line: message per problem and a summary.
            Exit status: 0 no problems, 1 problems found, 64 a usage error.
            """;

    private LintContentCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.print(HELP);
            return 0;
        }
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            return usage(err, args.length > 1 ? "expected at most one folder" : "unknown option " + args[0]);
        }
        ContentSource source;
        if (args.length == 0) {
            source = ContentSource.classpath("content");
        } else {
            Path dir = Path.of(args[0]);
            if (!Files.isDirectory(dir)) {
                return usage(err, "no folder " + args[0]);
            }
            source = ContentSource.directory(dir);
        }
        ContentLinter.Report report = new ContentLinter(source).lint();
        report.problems().forEach(out::println);
        out.println(report.summary());
        return report.clean() ? 0 : 1;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("optimlab lint-content: " + problem);
        err.print(HELP);
        return USAGE_ERROR;
    }
}
