package dev.optimlab.course;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.bridge.Storage;
import dev.optimlab.pylite.bridge.TorchBridge;
import dev.optimlab.pylite.bridge.TorchEvents;
import java.io.FileNotFoundException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Checks a whole course as an author needs before publishing it, in the spirit of Sphinx's {@code -W} build and
 * {@code linkcheck}: it loads {@code course.yaml}, the chapters and the exercises, runs every {@code ```python run}
 * block, grades every solution (must score 1.0) and starter (must score below 1.0) in both languages, compares the
 * outlines of the two languages, and resolves every relative link and image. Every problem is located as
 * {@code file:line: message}; unlike the loaders, it goes on after a problem so that one run lists them all.
 */
public final class ContentLinter {

    /** A problem in the content, located as {@code file:line}; line 1 when it concerns a whole file. */
    public record Problem(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + Math.max(line, 1) + ": " + message;
        }
    }

    /** What one lint found, and how much content it went through. */
    public record Report(List<Problem> problems, int chapters, int blocks, int exercises) {
        public Report {
            problems = List.copyOf(problems);
        }

        public boolean clean() {
            return problems.isEmpty();
        }

        public String summary() {
            return count(chapters, "chapter") + ", " + count(blocks, "runnable block") + ", " + count(exercises, "exercise")
                    + " checked: " + (problems.isEmpty() ? "no problems" : count(problems.size(), "problem"));
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }

    /** A {@code ```python run} block: the file, the line of its first line of code, and the code. */
    public record Block(String file, int line, String code) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /** One entry of a chapter's outline: {@code h1}..{@code h6} or {@code code:INFO}, with its line. */
    public record OutlineEntry(String kind, int line) {
    }

    static final int MIN_SCORED_CHECKS = 3;
    private static final Duration BLOCK_WALL = Duration.ofSeconds(60);
    private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    private static final Pattern ON_LINE = Pattern.compile("on line (\\d+)");
    private static final Pattern CHAPTER_ROUTE = Pattern.compile("/chapters/([a-z0-9-]+)/?");

    private final ContentSource source;
    private final Grader grader = new Grader();
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    public ContentLinter(ContentSource source) {
        this.source = source;
        TorchBridge.register();
    }

    /** Checks everything and lists every problem found. */
    public Report lint() {
        List<Problem> problems = new ArrayList<>();
        Course course;
        try {
            course = new CourseLoader(source).load();
        } catch (ContentException e) {
            problems.add(problem(e));
            return new Report(problems, 0, 0, 0);
        }
        problems.addAll(unlistedChapters(course));
        int blocks = 0;
        for (Chapter chapter : course.chapters()) {
            Map<Lang, String> texts = new HashMap<>();
            for (Lang lang : Lang.values()) {
                String path = chapter.textPath(lang);
                String file = source.describe(path);
                String text = source.read(path).orElseThrow();
                texts.put(lang, text);
                problems.addAll(links(course, chapter, file, text));
                problems.addAll(widgets(file, text));
                for (Block block : runnableBlocks(file, text)) {
                    blocks++;
                    problems.addAll(runBlock(block));
                }
            }
            problems.addAll(compareOutlines(source.describe(chapter.textPath(Lang.EN)), texts.get(Lang.EN),
                    source.describe(chapter.textPath(Lang.ZH)), texts.get(Lang.ZH)));
        }
        List<String> unloadable = new ArrayList<>();
        Map<String, Exercise> exercises = new ExerciseLoader(source).load(course, e -> {
            problems.add(problem(e));
            unloadable.add(e.file());
        });
        problems.addAll(unlistedExercises(course, exercises, unloadable));
        for (Exercise exercise : exercises.values()) {
            problems.addAll(gradeExercise(exercise));
        }
        return new Report(problems, course.chapters().size(), blocks, exercises.size());
    }

    /** The outline of a Markdown text: headings by level and fenced blocks by their first info word, in order. */
    public static List<OutlineEntry> outline(String markdown) {
        List<OutlineEntry> outline = new ArrayList<>();
        boolean inFence = false;
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.startsWith("```")) {
                if (!inFence) {
                    outline.add(new OutlineEntry("code:" + t.substring(3).strip().split("\\s+")[0], i + 1));
                }
                inFence = !inFence;
            } else if (!inFence && t.matches("#{1,6} .*")) {
                outline.add(new OutlineEntry("h" + t.indexOf(' '), i + 1));
            }
        }
        return outline;
    }

    /** The {@code ```python run} blocks of a chapter text, with the line each one's code starts on. */
    public static List<Block> runnableBlocks(String file, String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().matches("```python\\s+run\\b.*")) {
                StringBuilder code = new StringBuilder();
                int start = i + 1;
                for (i = start; i < lines.length && !lines[i].strip().equals("```"); i++) {
                    code.append(lines[i]).append('\n');
                }
                blocks.add(new Block(file, start + 1, code.toString()));
            }
        }
        return blocks;
    }

    /** Runs a block on the core as a reader's Run would; it must end without error and print something. */
    public static List<Problem> runBlock(Block block) {
        RunResult result = TorchBridge.run(block.code(), "main.py", Limits.defaults().withWallTime(BLOCK_WALL),
                RunListener.NONE, memoryStorage(), TorchEvents.NONE);
        if (result.status() != RunResult.Status.OK) {
            int line = result.errorLine() > 0 ? block.line() + result.errorLine() - 1 : block.line();
            return List.of(new Problem(block.file(), line, "the runnable block failed: " + lastLine(result.stderr())));
        }
        if (result.stdout().isEmpty()) {
            return List.of(new Problem(block.file(), block.line(),
                    "the runnable block prints nothing, so a reader who runs it sees no result"));
        }
        return List.of();
    }

    /** The first place where the Chinese outline departs from the English one, if any. */
    public static List<Problem> compareOutlines(String enFile, String en, String zhFile, String zh) {
        List<OutlineEntry> a = outline(en);
        List<OutlineEntry> b = outline(zh);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i >= b.size()) {
                int line = b.isEmpty() ? 1 : b.get(b.size() - 1).line();
                return List.of(new Problem(zhFile, line, "the outline ends early: " + enFile + ":" + a.get(i).line()
                        + " has a " + describe(a.get(i)) + " that has no counterpart here"));
            }
            if (i >= a.size() || !a.get(i).kind().equals(b.get(i).kind())) {
                String expected = i >= a.size() ? "nothing more, as in " + enFile
                        : "a " + describe(a.get(i)) + " as at " + enFile + ":" + a.get(i).line();
                return List.of(new Problem(zhFile, b.get(i).line(), "the outline differs from the English text: found a "
                        + describe(b.get(i)) + ", expected " + expected));
            }
        }
        return List.of();
    }

    /** Relative links and images must name a file of the content; {@code /chapters/SLUG} must name a chapter. */
    List<Problem> links(Course course, Chapter chapter, String file, String text) {
        List<Problem> problems = new ArrayList<>();
        Node document = parser.parse(text);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                check(link, "link", link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                check(image, "image", image.getDestination());
                visitChildren(image);
            }

            private void check(Node node, String what, String destination) {
                int line = node.getSourceSpans().isEmpty() ? 1 : node.getSourceSpans().get(0).getLineIndex() + 1;
                String problem = brokenTarget(course, chapter, destination);
                if (problem != null) {
                    problems.add(new Problem(file, line, "broken " + what + " '" + destination + "': " + problem));
                }
            }
        });
        return problems;
    }

    /** Why a link target does not resolve, or null when it does (or is outside what can be checked offline). */
    private String brokenTarget(Course course, Chapter chapter, String destination) {
        if (destination.isBlank()) {
            return "the target is empty";
        }
        if (SCHEME.matcher(destination).matches() || destination.startsWith("#") || destination.startsWith("//")) {
            return null;
        }
        String path = destination.replaceFirst("[#?].*$", "");
        if (path.startsWith("/")) {
            Matcher route = CHAPTER_ROUTE.matcher(path);
            if (route.matches() && course.chapter(route.group(1)).isEmpty()) {
                return "there is no chapter with the slug '" + route.group(1) + "'";
            }
            return null;
        }
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        List<String> parts = new ArrayList<>(List.of(chapter.folder().split("/")));
        for (String part : decoded.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return "it points outside the content folder";
                }
                parts.remove(parts.size() - 1);
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        String resolved = String.join("/", parts);
        return source.read(resolved).isPresent() ? null : "no file " + source.describe(resolved);
    }

    /** Widget blocks whose type or JSON cannot be read. */
    private List<Problem> widgets(String file, String text) {
        List<Problem> problems = new ArrayList<>();
        for (ChapterPart part : markdown.toParts(text)) {
            if (part instanceof ChapterPart.BrokenWidget broken) {
                problems.add(new Problem(file, broken.line(), broken.problem()));
            }
        }
        return problems;
    }

    /** A problem found while grading in one language; the same problem in both languages is reported once. */
    private record Finding(String file, String what, int line, String detail) {
    }

    /**
     * Grades the solution and the starter in both languages: the solution must score 1.0 with at least three
     * scored checks, the starter below 1.0, and every failed check must say why.
     */
    public List<Problem> gradeExercise(Exercise exercise) {
        String dir = exercise.chapterFolder() + "/exercises/" + exercise.id() + "/";
        Map<List<String>, Finding> first = new LinkedHashMap<>();
        Map<List<String>, List<String>> langs = new HashMap<>();
        for (Lang lang : Lang.values()) {
            for (Finding f : gradeIn(exercise, dir, lang)) {
                List<String> key = List.of(f.file(), f.what());
                first.putIfAbsent(key, f);
                langs.computeIfAbsent(key, k -> new ArrayList<>()).add(lang.code());
            }
        }
        List<Problem> problems = new ArrayList<>();
        first.forEach((key, f) -> problems.add(new Problem(f.file(), f.line(), f.what()
                + (f.detail().isEmpty() ? "" : ": " + f.detail()) + " (" + String.join(", ", langs.get(key)) + ")")));
        return problems;
    }

    private List<Finding> gradeIn(Exercise exercise, String dir, Lang lang) {
        List<Finding> findings = new ArrayList<>();
        String checks = source.describe(dir + "checks.py");
        Verdict solution = grader.grade(exercise, exercise.solution(), lang);
        if (!solution.gradable()) {
            findings.add(new Finding(checks, "the checks cannot grade the solution", 1, gradingFault(solution.message())));
        } else {
            if (solution.score() < 1.0) {
                double score = Math.round(solution.score() * 100) / 100.0;
                findings.add(new Finding(source.describe(dir + "solution.py"), "the solution scores " + score + ", not 1.0",
                        programLine(solution), failures(solution)));
            }
            long scored = solution.checks().stream().filter(c -> c.maxPoints() > 0).count();
            if (solution.score() == 1.0 && scored < MIN_SCORED_CHECKS) {
                findings.add(new Finding(checks, "only " + scored + " scored checks ran on the solution; give at least "
                        + MIN_SCORED_CHECKS, 1, ""));
            }
        }
        Verdict starter = grader.grade(exercise, exercise.starter(), lang);
        if (!starter.gradable()) {
            findings.add(new Finding(checks, "the checks cannot grade the starter", 1, gradingFault(starter.message())));
        } else if (starter.score() >= 1.0) {
            findings.add(new Finding(source.describe(dir + "starter.py"),
                    "the starter already scores 1.0: it must leave the learner something to do", 1, ""));
        }
        for (Verdict verdict : List.of(solution, starter)) {
            for (Verdict.Check check : verdict.checks()) {
                if (!check.passed() && check.feedback().isBlank()) {
                    findings.add(new Finding(checks, "the failed check '" + check.name() + "' gives no feedback", 1, ""));
                }
            }
        }
        return findings;
    }

    /** The line of the learner-facing error in a program that raised, from the verdict's English message. */
    private static int programLine(Verdict verdict) {
        Matcher m = ON_LINE.matcher(verdict.message());
        return verdict.checks().isEmpty() && m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** What went wrong in a run that scored below 1.0: the program's error, or the scored checks it failed. */
    private static String failures(Verdict verdict) {
        if (verdict.checks().isEmpty()) {
            return lastLine(verdict.output());
        }
        List<String> names = new ArrayList<>();
        for (Verdict.Check check : verdict.checks()) {
            if (!check.passed() && check.maxPoints() > 0) {
                names.add("'" + check.name() + "'");
            }
        }
        return "failed " + String.join(", ", names);
    }

    /** The cause inside a "could not be graded (...)" message: the last line of its traceback. */
    private static String gradingFault(String message) {
        int open = message.indexOf('(');
        int close = Math.max(message.lastIndexOf(')'), message.lastIndexOf('）'));
        return lastLine(open >= 0 && close > open ? message.substring(open + 1, close) : message);
    }

    /** Chapter folders in the content folder that course.yaml does not list. */
    private List<Problem> unlistedChapters(Course course) {
        Set<String> listed = new HashSet<>();
        course.chapters().forEach(c -> listed.add(c.folder()));
        List<Problem> problems = new ArrayList<>();
        for (String folder : source.folders("")) {
            if (Chapter.FOLDER.matcher(folder).matches() && !listed.contains(folder)) {
                problems.add(new Problem(source.describe(CourseLoader.COURSE_FILE), 1,
                        "the chapter folder '" + folder + "' is not listed under 'chapters'"));
            }
        }
        return problems;
    }

    /** Exercise folders that no index.yaml lists, so learners would never see them (ignoring those that failed to load). */
    private List<Problem> unlistedExercises(Course course, Map<String, Exercise> exercises, List<String> unloadable) {
        List<Problem> problems = new ArrayList<>();
        for (Chapter chapter : course.chapters()) {
            if (unloadable.contains(source.describe(chapter.folder() + "/" + ExerciseLoader.INDEX))) {
                continue;
            }
            for (String folder : source.folders(chapter.folder() + "/exercises")) {
                Exercise listed = exercises.get(folder);
                String dir = source.describe(chapter.folder() + "/exercises/" + folder + "/");
                boolean failed = unloadable.stream().anyMatch(file -> file.startsWith(dir));
                if (!failed && (listed == null || !listed.chapterFolder().equals(chapter.folder()))) {
                    problems.add(new Problem(source.describe(chapter.folder() + "/" + ExerciseLoader.INDEX), 1,
                            "the exercise folder '" + folder + "' is not listed"));
                }
            }
        }
        return problems;
    }

    private static Problem problem(ContentException e) {
        return new Problem(e.file(), e.line(), e.problem());
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static String describe(OutlineEntry entry) {
        return entry.kind().startsWith("code:") ? "code block '" + entry.kind().substring(5) + "'"
                : "level-" + entry.kind().substring(1) + " heading";
    }

    /** A workspace in memory, so that blocks that save and load checkpoints run without touching the disk. */
    private static Storage memoryStorage() {
        Map<String, byte[]> files = new HashMap<>();
        return new Storage() {
            @Override
            public void write(String path, byte[] data) {
                files.put(path, data.clone());
            }

            @Override
            public byte[] read(String path) throws FileNotFoundException {
                byte[] data = files.get(path);
                if (data == null) {
                    throw new FileNotFoundException(path);
                }
                return data.clone();
            }
        };
    }
}
