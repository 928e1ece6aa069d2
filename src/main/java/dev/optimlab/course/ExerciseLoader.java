package dev.optimlab.course;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the exercises of every chapter: {@code NN-slug/exercises/index.yaml} lists the exercise folders in order
 * (content may be packaged in the jar, where folders cannot be listed), and each folder holds
 * {@code exercise.yaml}, {@code starter.py}, {@code solution.py} and {@code checks.py}. Problems are reported as
 * {@link ContentException}s with file, line and column.
 */
public final class ExerciseLoader {

    static final String INDEX = "exercises/index.yaml";
    private static final Set<String> KEYS = Set.of("kind", "points", "title", "instructions", "hints", "choices",
            "reveal_solution_after", "limits");
    private static final Duration DEFAULT_WALL = Duration.ofSeconds(5);
    /** An exercise may raise its Submit budget up to DESIGN.md's budget of a Run, never beyond. */
    private static final int MAX_MEMORY_MB = 256;

    private final ContentSource source;

    public ExerciseLoader(ContentSource source) {
        this.source = source;
    }

    /** Every exercise of the course by id, chapter by chapter in course order; stops at the first problem. */
    public Map<String, Exercise> load(Course course) {
        return load(course, problem -> {
            throw problem;
        });
    }

    /**
     * Every exercise that loads, chapter by chapter in course order, handing each problem to {@code problems} and
     * going on with the next exercise (or the next chapter, when its index cannot be read).
     */
    public Map<String, Exercise> load(Course course, Consumer<ContentException> problems) {
        Map<String, Exercise> exercises = new LinkedHashMap<>();
        for (Chapter chapter : course.chapters()) {
            String indexPath = chapter.folder() + "/" + INDEX;
            Optional<String> index = source.read(indexPath);
            if (index.isEmpty()) {
                continue;
            }
            String file = source.describe(indexPath);
            try {
                YamlTree.Node root = YamlTree.parse(file, index.get());
                if (!root.isList()) {
                    throw at(file, root, "index.yaml must be a list of exercise folder names");
                }
                for (YamlTree.Node entry : root.list()) {
                    try {
                        if (!(entry.value() instanceof String id) || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                            throw at(file, entry, "an exercise id must be lowercase words joined by dashes, such as zero-grad-missing");
                        }
                        Exercise earlier = exercises.get(id);
                        if (earlier != null) {
                            throw at(file, entry, "exercise id '" + id + "' is already used in chapter " + earlier.chapterFolder()
                                    + ": ids must be unique across the course");
                        }
                        exercises.put(id, exercise(chapter.folder(), id));
                    } catch (ContentException e) {
                        problems.accept(e);
                    }
                }
            } catch (ContentException e) {
                problems.accept(e);
            }
        }
        return exercises;
    }

    private Exercise exercise(String chapterFolder, String id) {
        String dir = chapterFolder + "/exercises/" + id + "/";
        String yamlPath = dir + "exercise.yaml";
        String file = source.describe(yamlPath);
        String yaml = require(yamlPath);
        String starter = require(dir + "starter.py");
        String solution = require(dir + "solution.py");
        String checks = require(dir + "checks.py");
        YamlTree.Node root = YamlTree.parse(file, yaml);
        if (!root.isMap()) {
            throw at(file, root, "exercise.yaml must be a mapping of keys to values");
        }
        Map<String, YamlTree.Node> fields = root.map();
        for (Map.Entry<String, YamlTree.Node> e : fields.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw at(file, e.getValue(), "unknown key '" + e.getKey() + "' (expected one of " + KEYS.stream().sorted().toList() + ")");
            }
        }
        Exercise.Kind kind = kind(file, required(file, root, "kind"));
        int points = positiveInt(file, required(file, root, "points"), "points");
        LocalizedText title = localized(file, required(file, root, "title"), "title");
        LocalizedText instructions = localized(file, required(file, root, "instructions"), "instructions");
        List<LocalizedText> hints = localizedList(file, required(file, root, "hints"), "hints");
        if (hints.size() < 2) {
            throw at(file, fields.get("hints"), "give at least 2 hints, from a nudge to a near answer");
        }
        List<LocalizedText> choices = fields.containsKey("choices")
                ? localizedList(file, fields.get("choices"), "choices") : List.of();
        if (kind == Exercise.Kind.PREDICT && choices.size() < 2) {
            throw at(file, fields.getOrDefault("choices", root), "a predict exercise needs at least 2 choices");
        }
        if (kind != Exercise.Kind.PREDICT && !choices.isEmpty()) {
            throw at(file, fields.get("choices"), "only predict exercises have choices");
        }
        int reveal = fields.containsKey("reveal_solution_after")
                ? positiveInt(file, fields.get("reveal_solution_after"), "reveal_solution_after") : 3;
        Duration wall = DEFAULT_WALL;
        long memory = 0;
        if (fields.containsKey("limits")) {
            YamlTree.Node limits = fields.get("limits");
            if (!limits.isMap()) {
                throw at(file, limits, "'limits' must be a mapping such as {wall_seconds: 5}");
            }
            for (Map.Entry<String, YamlTree.Node> e : limits.map().entrySet()) {
                switch (e.getKey()) {
                    case "wall_seconds" -> {
                        int seconds = positiveInt(file, e.getValue(), "wall_seconds");
                        if (seconds > 30) {
                            throw at(file, e.getValue(), "wall_seconds may be at most 30");
                        }
                        wall = Duration.ofSeconds(seconds);
                    }
                    case "memory_mb" -> {
                        int megabytes = positiveInt(file, e.getValue(), "memory_mb");
                        if (megabytes > MAX_MEMORY_MB) {
                            throw at(file, e.getValue(), "memory_mb may be at most " + MAX_MEMORY_MB
                                    + " (a Run's budget)");
                        }
                        memory = (long) megabytes << 20;
                    }
                    default -> throw at(file, e.getValue(), "unknown limit '" + e.getKey()
                            + "' (expected wall_seconds or memory_mb)");
                }
            }
        }
        String hash = sha256(yaml, starter, solution, checks);
        return new Exercise(id, chapterFolder, kind, points, title, instructions, hints, choices, reveal, wall, memory, starter,
                solution, checks, hash);
    }

    private String require(String path) {
        return source.read(path).orElseThrow(() -> new ContentException(source.describe(path), "missing file"));
    }

    private static Exercise.Kind kind(String file, YamlTree.Node node) {
        for (Exercise.Kind kind : Exercise.Kind.values()) {
            if (kind.code().equals(node.value())) {
                return kind;
            }
        }
        List<String> codes = new ArrayList<>();
        for (Exercise.Kind kind : Exercise.Kind.values()) {
            codes.add(kind.code());
        }
        throw at(file, node, "'kind' must be one of " + codes);
    }

    private static int positiveInt(String file, YamlTree.Node node, String what) {
        if (!(node.value() instanceof Integer n) || n < 1) {
            throw at(file, node, "'" + what + "' must be a whole number of at least 1");
        }
        return n;
    }

    private static List<LocalizedText> localizedList(String file, YamlTree.Node node, String what) {
        if (!node.isList() || node.list().isEmpty()) {
            throw at(file, node, "'" + what + "' must be a non-empty list of {en: ..., zh: ...} texts");
        }
        List<LocalizedText> texts = new ArrayList<>();
        for (YamlTree.Node item : node.list()) {
            texts.add(localized(file, item, what));
        }
        return texts;
    }

    private static LocalizedText localized(String file, YamlTree.Node node, String what) {
        if (!node.isMap()) {
            throw at(file, node, "'" + what + "' must be a mapping {en: ..., zh: ...}");
        }
        for (Map.Entry<String, YamlTree.Node> e : node.map().entrySet()) {
            if (!e.getKey().equals("en") && !e.getKey().equals("zh")) {
                throw at(file, e.getValue(), "unknown language '" + e.getKey() + "' (expected en and zh)");
            }
        }
        String[] values = new String[2];
        for (Lang lang : Lang.values()) {
            YamlTree.Node text = node.map().get(lang.code());
            if (text == null || !(text.value() instanceof String s) || s.isBlank()) {
                throw at(file, text == null ? node : text, "'" + what + "' needs a non-empty '" + lang.code() + "' text");
            }
            values[lang.ordinal()] = s.strip();
        }
        return new LocalizedText(values[0], values[1]);
    }

    private static YamlTree.Node required(String file, YamlTree.Node parent, String key) {
        YamlTree.Node child = parent.map().get(key);
        if (child == null) {
            throw at(file, parent, "missing '" + key + "'");
        }
        return child;
    }

    private static String sha256(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    private static ContentException at(String file, YamlTree.Node node, String problem) {
        return new ContentException(file, node.line(), node.column(), problem);
    }
}
