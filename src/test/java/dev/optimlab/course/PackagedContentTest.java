package dev.optimlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PackagedContentTest {

    @Test
    @DisplayName("the course in content/ loads, and every chapter renders in both languages")
    void courseLoadsAndRenders() {
        ContentSource source = ContentSource.directory(Path.of("content"));
        Course course = new CourseLoader(source).load();
        assertThat(course.chapters()).isNotEmpty();
        MarkdownRenderer renderer = new MarkdownRenderer();
        for (Chapter chapter : course.chapters()) {
            for (Lang lang : Lang.values()) {
                String html = renderer.toHtml(source.read(chapter.textPath(lang)).orElseThrow());
                assertThat(html).as(chapter.textPath(lang)).startsWith("<h1>").contains("<pre><code");
            }
        }
    }

    @Test
    @DisplayName("the jar carries the same course as content/")
    void classpathMatchesFolder() {
        Course packaged = new CourseLoader(ContentSource.classpath("content")).load();
        Course folder = new CourseLoader(ContentSource.directory(Path.of("content"))).load();
        assertThat(packaged).isEqualTo(folder);
    }

    @Test
    @DisplayName("each chapter has the same structure in both languages: headings by level and code blocks by kind")
    void languagesMatchInStructure() {
        ContentSource source = ContentSource.directory(Path.of("content"));
        for (Chapter chapter : new CourseLoader(source).load().chapters()) {
            java.util.List<String> en = structure(source.read(chapter.textPath(Lang.EN)).orElseThrow());
            java.util.List<String> zh = structure(source.read(chapter.textPath(Lang.ZH)).orElseThrow());
            assertThat(zh).as("structure of %s against %s", chapter.textPath(Lang.ZH), chapter.textPath(Lang.EN)).isEqualTo(en);
        }
    }

    private static java.util.List<String> structure(String markdown) {
        return ContentLinter.outline(markdown).stream().map(ContentLinter.OutlineEntry::kind).toList();
    }
}
