package dev.optimlab.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseLoaderTest {

    @TempDir
    Path root;

    private static final String VALID = """
            title:
              en: Learning torch.optim
              zh: 学习 torch.optim
            chapters:
              - folder: 01-training-loop
                title: {en: The training loop, zh: 训练循环}
              - folder: 02-losses
                title: {en: Losses, zh: 损失函数}
            """;

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void writeChapters() throws IOException {
        for (String folder : new String[] {"01-training-loop", "02-losses"}) {
            write(folder + "/chapter.en.md", "# " + folder);
            write(folder + "/chapter.zh.md", "# " + folder);
        }
    }

    private Course load() {
        return new CourseLoader(ContentSource.directory(root)).load();
    }

    @Test
    @DisplayName("a valid course lists its chapters in order with slugs taken from the folder names")
    void loadsChaptersInOrder() throws IOException {
        write("course.yaml", VALID);
        writeChapters();
        Course course = load();
        assertThat(course.title().get(Lang.ZH)).isEqualTo("学习 torch.optim");
        assertThat(course.chapters()).extracting(Chapter::slug).containsExactly("training-loop", "losses");
        assertThat(course.chapters()).extracting(Chapter::number).containsExactly(1, 2);
        assertThat(course.chapter("losses")).map(c -> c.title().get(Lang.EN)).hasValue("Losses");
        assertThat(course.chapter("nope")).isEmpty();
    }

    @Nested
    @DisplayName("a malformed course.yaml is reported with file, line and column")
    class Malformed {

        @Test
        @DisplayName("a YAML syntax error")
        void syntaxError() throws IOException {
            write("course.yaml", "title:\n  en: A\n  zh: B\nchapters:\n  - folder: [01-x\n");
            assertThatThrownBy(CourseLoaderTest.this::load)
                    .isInstanceOf(ContentException.class)
                    .hasMessageStartingWith(root.resolve("course.yaml") + ":")
                    .hasMessageContaining("not valid YAML")
                    .satisfies(e -> assertThat(((ContentException) e).line()).isGreaterThanOrEqualTo(5));
        }

        @Test
        @DisplayName("a missing course.yaml")
        void missingFile() {
            assertThatThrownBy(CourseLoaderTest.this::load)
                    .isInstanceOf(ContentException.class)
                    .hasMessageContaining("course.yaml is missing");
        }

        @Test
        @DisplayName("a title without its Chinese text points at the title")
        void missingTranslation() throws IOException {
            write("course.yaml", VALID.replace("title: {en: Losses, zh: 损失函数}", "title: {en: Losses}"));
            writeChapters();
            assertThatThrownBy(CourseLoaderTest.this::load)
                    .isInstanceOf(ContentException.class)
                    .hasMessage(root.resolve("course.yaml") + ":8:12: 'title' needs a non-empty 'zh' text");
        }

        @Test
        @DisplayName("a folder name without the NN- prefix")
        void badFolder() throws IOException {
            write("course.yaml", VALID.replace("02-losses", "losses"));
            writeChapters();
            assertThatThrownBy(CourseLoaderTest.this::load)
                    .hasMessage(root.resolve("course.yaml") + ":7:13: chapter folder 'losses' must be two digits, a dash and a"
                            + " lowercase slug, such as 01-training-loop");
        }

        @Test
        @DisplayName("a chapter whose Chinese text is missing")
        void missingChapterText() throws IOException {
            write("course.yaml", VALID);
            writeChapters();
            Files.delete(root.resolve("02-losses/chapter.zh.md"));
            assertThatThrownBy(CourseLoaderTest.this::load)
                    .hasMessageContaining(":7:")
                    .hasMessageContaining("chapter '02-losses' has no 简体中文 text")
                    .hasMessageContaining("02-losses/chapter.zh.md");
        }

        @Test
        @DisplayName("two chapters with the same slug")
        void duplicateSlug() throws IOException {
            write("course.yaml", VALID.replace("02-losses", "03-training-loop"));
            writeChapters();
            write("03-training-loop/chapter.en.md", "x");
            write("03-training-loop/chapter.zh.md", "x");
            assertThatThrownBy(CourseLoaderTest.this::load).hasMessageContaining("two chapters share the slug 'training-loop'");
        }

        @Test
        @DisplayName("a misspelt key")
        void unknownKey() throws IOException {
            write("course.yaml", VALID.replace("chapters:", "chapter:"));
            assertThatThrownBy(CourseLoaderTest.this::load).hasMessageContaining("unknown key 'chapter'");
        }

        @Test
        @DisplayName("an empty file")
        void emptyFile() throws IOException {
            write("course.yaml", "");
            assertThatThrownBy(CourseLoaderTest.this::load).hasMessageContaining("the file is empty");
        }
    }
}
