package dev.optimlab.course;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Reads {@code course.yaml} and checks that every chapter it lists exists in both languages. Every problem is
 * reported as a {@link ContentException} with the file and position.
 *
 * <pre>
 * title: {en: ..., zh: ...}
 * chapters:
 *   - folder: 01-training-loop
 *     title: {en: The training loop, zh: 训练循环}
 * </pre>
 */
public final class CourseLoader {

    static final String COURSE_FILE = "course.yaml";

    private final ContentSource source;

    public CourseLoader(ContentSource source) {
        this.source = source;
    }

    public Course load() {
        String file = source.describe(COURSE_FILE);
        String text = source.read(COURSE_FILE)
                .orElseThrow(() -> new ContentException(file, "course.yaml is missing: the content folder must start with it"));
        YamlTree.Node root = YamlTree.parse(file, text);
        Map<String, YamlTree.Node> top = expectMap(file, root, "the top level");
        rejectUnknownKeys(file, top, Set.of("title", "chapters"));
        LocalizedText title = localized(file, required(file, root, "title"), "title");
        YamlTree.Node chaptersNode = required(file, root, "chapters");
        if (!chaptersNode.isList() || chaptersNode.list().isEmpty()) {
            throw at(file, chaptersNode, "'chapters' must be a non-empty list of chapters");
        }
        List<Chapter> chapters = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (YamlTree.Node entry : chaptersNode.list()) {
            Chapter chapter = chapter(file, entry);
            if (!slugs.add(chapter.slug())) {
                throw at(file, entry, "two chapters share the slug '" + chapter.slug() + "'");
            }
            for (Lang lang : Lang.values()) {
                if (source.read(chapter.textPath(lang)).isEmpty()) {
                    throw at(file, entry, "chapter '" + chapter.folder() + "' has no " + lang.nativeName() + " text: expected "
                            + source.describe(chapter.textPath(lang)));
                }
            }
            chapters.add(chapter);
        }
        return new Course(title, chapters);
    }

    private Chapter chapter(String file, YamlTree.Node entry) {
        Map<String, YamlTree.Node> fields = expectMap(file, entry, "a chapter");
        rejectUnknownKeys(file, fields, Set.of("folder", "title"));
        YamlTree.Node folderNode = required(file, entry, "folder");
        if (!(folderNode.value() instanceof String folder)) {
            throw at(file, folderNode, "'folder' must be a folder name such as 01-training-loop");
        }
        Matcher m = Chapter.FOLDER.matcher(folder);
        if (!m.matches()) {
            throw at(file, folderNode, "chapter folder '" + folder
                    + "' must be two digits, a dash and a lowercase slug, such as 01-training-loop");
        }
        LocalizedText title = localized(file, required(file, entry, "title"), "title");
        return new Chapter(Integer.parseInt(m.group(1)), folder, m.group(2), title);
    }

    private static LocalizedText localized(String file, YamlTree.Node node, String what) {
        Map<String, YamlTree.Node> texts = expectMap(file, node, "'" + what + "'");
        rejectUnknownKeys(file, texts, Set.of("en", "zh"));
        String[] values = new String[2];
        for (Lang lang : Lang.values()) {
            YamlTree.Node text = texts.get(lang.code());
            if (text == null || !(text.value() instanceof String s) || s.isBlank()) {
                throw at(file, text == null ? node : text, "'" + what + "' needs a non-empty '" + lang.code() + "' text");
            }
            values[lang.ordinal()] = s.strip();
        }
        return new LocalizedText(values[Lang.EN.ordinal()], values[Lang.ZH.ordinal()]);
    }

    private static Map<String, YamlTree.Node> expectMap(String file, YamlTree.Node node, String what) {
        if (!node.isMap()) {
            throw at(file, node, what + " must be a mapping of keys to values");
        }
        return node.map();
    }

    private static YamlTree.Node required(String file, YamlTree.Node parent, String key) {
        YamlTree.Node child = parent.map().get(key);
        if (child == null) {
            throw at(file, parent, "missing '" + key + "'");
        }
        return child;
    }

    private static void rejectUnknownKeys(String file, Map<String, YamlTree.Node> map, Set<String> known) {
        for (Map.Entry<String, YamlTree.Node> e : map.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw at(file, e.getValue(), "unknown key '" + e.getKey() + "' (expected one of " + known.stream().sorted().toList() + ")");
            }
        }
    }

    private static ContentException at(String file, YamlTree.Node node, String problem) {
        return new ContentException(file, node.line(), node.column(), problem);
    }
}
