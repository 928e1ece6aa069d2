package dev.optimlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The content linter")
class ContentLinterTest {

    @TempDir
    Path root;

    @BeforeEach
    void tinyCourse() throws IOException {
        TinyCourse.write(root);
    }

    private ContentLinter.Report lint() {
        return new ContentLinter(ContentSource.directory(root)).lint();
    }

    private List<String> lines() {
        return lint().problems().stream().map(ContentLinter.Problem::toString).toList();
    }

    private String file(String relative) {
        return root.toAbsolutePath().normalize().resolve(relative).toString();
    }

    private void write(String relative, String text) throws IOException {
        Files.writeString(root.resolve(relative), text);
    }

    @Test
    @DisplayName("finds nothing wrong with a clean course and counts what it went through")
    void cleanCourse() {
        ContentLinter.Report report = lint();
        assertThat(report.problems()).isEmpty();
        assertThat(report.chapters()).isEqualTo(1);
        assertThat(report.blocks()).isEqualTo(2);
        assertThat(report.exercises()).isEqualTo(1);
        assertThat(report.summary()).isEqualTo("1 chapter, 2 runnable blocks, 1 exercise checked: no problems");
    }

    @Nested
    @DisplayName("in course files")
    class Course {

        @Test
        @DisplayName("reports broken YAML at its line and stops there")
        void brokenYaml() throws IOException {
            write("course.yaml", "title: {en: Tiny, zh: 小课}\nchapters:\n  - folder: 01-one\n    title: {en: One, zh: [\n");
            List<String> lines = lines();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith(file("course.yaml") + ":").contains("not valid YAML");
        }

        @Test
        @DisplayName("reports a chapter folder that course.yaml does not list")
        void unlistedChapter() throws IOException {
            Files.createDirectories(root.resolve("02-two"));
            assertThat(lines()).containsExactly(file("course.yaml") + ":1: the chapter folder '02-two' is not listed under 'chapters'");
        }
    }

    @Nested
    @DisplayName("in chapter texts")
    class Chapters {

        @Test
        @DisplayName("reports a broken link and a missing image at their lines, and leaves web links and existing files alone")
        void brokenLinks() throws IOException {
            write("01-one/chapter.en.md", TinyCourse.CHAPTER_EN + "\nRead [the notes](notes.md#top).\n\n![the path](img/path.png)\n"
                    + "[Chapter two](/chapters/two) and [mail](mailto:a@b.c) and [here](#running).\n");
            String en = file("01-one/chapter.en.md");
            assertThat(lines()).containsExactly(
                    en + ":11: broken link 'notes.md#top': no file " + file("01-one/notes.md"),
                    en + ":13: broken image 'img/path.png': no file " + file("01-one/img/path.png"),
                    en + ":14: broken link '/chapters/two': there is no chapter with the slug 'two'");
        }

        @Test
        @DisplayName("reports a link that climbs out of the content folder")
        void linkOutside() throws IOException {
            write("01-one/chapter.en.md", TinyCourse.CHAPTER_EN.replace("(chapter.zh.md)", "(../../secret.txt)"));
            assertThat(lines()).containsExactly(file("01-one/chapter.en.md")
                    + ":9: broken link '../../secret.txt': it points outside the content folder");
        }

        @Test
        @DisplayName("reports a runnable block that fails at the line of the failing statement, with the error")
        void failingBlock() throws IOException {
            write("01-one/chapter.zh.md", TinyCourse.CHAPTER_ZH.replace("print(2 + 2)", "x = 1\nprint(y)"));
            assertThat(lines()).containsExactly(file("01-one/chapter.zh.md")
                    + ":7: the runnable block failed: NameError: name 'y' is not defined");
        }

        @Test
        @DisplayName("reports where the Chinese outline departs from the English one")
        void outlineMismatch() throws IOException {
            write("01-one/chapter.zh.md", TinyCourse.CHAPTER_ZH.replace("## 运行", "### 运行"));
            assertThat(lines()).containsExactly(file("01-one/chapter.zh.md") + ":3: the outline differs from the English text: "
                    + "found a level-3 heading, expected a level-2 heading as at " + file("01-one/chapter.en.md") + ":3");
        }

        @Test
        @DisplayName("reports a widget block whose JSON cannot be read")
        void brokenWidget() throws IOException {
            String widget = "\n```widget paths\n{\"surface\": \"valley\",,}\n```\n";
            write("01-one/chapter.en.md", TinyCourse.CHAPTER_EN + widget);
            write("01-one/chapter.zh.md", TinyCourse.CHAPTER_ZH + widget);
            assertThat(lines()).hasSize(2).anySatisfy(line -> assertThat(line).startsWith(file("01-one/chapter.en.md") + ":11: the widget's JSON is not valid"))
                    .anySatisfy(line -> assertThat(line).startsWith(file("01-one/chapter.zh.md") + ":9: the widget's JSON is not valid"));
        }
    }

    @Nested
    @DisplayName("in exercises")
    class Exercises {

        private static final String DIR = "01-one/exercises/set-answer/";

        @Test
        @DisplayName("reports a solution that raises, at its line, once for both languages")
        void failingSolution() throws IOException {
            write(DIR + "solution.py", "answer = 1\nanswer = answer / 0\n");
            List<String> lines = lines();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith(file(DIR + "solution.py") + ":2: the solution scores 0.0, not 1.0:")
                    .contains("ZeroDivisionError").endsWith("(en, zh)");
        }

        @Test
        @DisplayName("reports a solution that misses a check, naming the check")
        void incompleteSolution() throws IOException {
            write(DIR + "solution.py", "answer = 2\n");
            assertThat(lines()).containsExactly(file(DIR + "solution.py")
                    + ":1: the solution scores 0.0, not 1.0: failed 'first', 'second', 'third' (en, zh)");
        }

        @Test
        @DisplayName("reports a starter that already scores 1.0")
        void starterSolves() throws IOException {
            write(DIR + "starter.py", "answer = 1\n");
            assertThat(lines()).containsExactly(file(DIR + "starter.py")
                    + ":1: the starter already scores 1.0: it must leave the learner something to do (en, zh)");
        }

        @Test
        @DisplayName("reports checks whose feedback lacks a language, for the solution and the starter")
        void feedbackInOneLanguage() throws IOException {
            write(DIR + "checks.py", "from optimlab_checks import check, ns\n"
                    + "check('only', ns.get('answer') == 1, feedback={'en': 'not yet'})\n");
            assertThat(lines()).hasSize(2).allSatisfy(line -> assertThat(line)
                    .startsWith(file(DIR + "checks.py") + ":1: the checks cannot grade the")
                    .contains("feedback needs a 'zh' text"));
        }

        @Test
        @DisplayName("reports checks that score fewer than three checks")
        void tooFewChecks() throws IOException {
            write(DIR + "checks.py", TinyCourse.CHECKS.replace("\"second\", \"third\"", "\"second\""));
            assertThat(lines()).containsExactly(file(DIR + "checks.py")
                    + ":1: only 2 scored checks ran on the solution; give at least 3 (en, zh)");
        }

        @Test
        @DisplayName("reports an exercise.yaml with a hint in one language only, at its line")
        void missingLanguage() throws IOException {
            String yaml = Files.readString(root.resolve(DIR + "exercise.yaml")).replace("{en: It is one., zh: 它是一。}", "{en: It is one.}");
            write(DIR + "exercise.yaml", yaml);
            assertThat(lines()).containsExactly(file(DIR + "exercise.yaml") + ":7: 'hints' needs a non-empty 'zh' text");
        }

        @Test
        @DisplayName("reports every exercise that cannot be loaded, and still grades the others")
        void severalBrokenExercises() throws IOException {
            Path second = Files.createDirectories(root.resolve("01-one/exercises/second"));
            for (String name : new String[] {"exercise.yaml", "starter.py", "solution.py"}) {
                Files.copy(root.resolve(DIR + name), second.resolve(name));
            }
            Path third = Files.createDirectories(root.resolve("01-one/exercises/third"));
            for (String name : new String[] {"exercise.yaml", "starter.py", "solution.py", "checks.py"}) {
                Files.copy(root.resolve(DIR + name), third.resolve(name));
            }
            write("01-one/exercises/third/exercise.yaml", "kind: guess\n");
            write("01-one/exercises/index.yaml", "- set-answer\n- second\n- third\n");
            write(DIR + "starter.py", "answer = 1\n");
            assertThat(lines()).containsExactly(
                    file("01-one/exercises/second/checks.py") + ":1: missing file",
                    file("01-one/exercises/third/exercise.yaml") + ":1: 'kind' must be one of "
                            + "[fix-bug, fill-in, by-hand, predict, tune, resume]",
                    file(DIR + "starter.py") + ":1: the starter already scores 1.0: it must leave the learner something to do (en, zh)");
        }

        @Test
        @DisplayName("reports an exercise folder that index.yaml does not list")
        void unlistedExercise() throws IOException {
            Files.createDirectories(root.resolve("01-one/exercises/forgotten"));
            assertThat(lines()).containsExactly(file("01-one/exercises/index.yaml") + ":1: the exercise folder 'forgotten' is not listed");
        }
    }

    @Test
    @DisplayName("finds no broken link, image or widget and no outline difference in the course's own chapters")
    void packagedChaptersAreClean() {
        ContentSource source = ContentSource.directory(Path.of("content"));
        dev.optimlab.course.Course course = new CourseLoader(source).load();
        ContentLinter linter = new ContentLinter(source);
        for (Chapter chapter : course.chapters()) {
            String en = source.read(chapter.textPath(Lang.EN)).orElseThrow();
            String zh = source.read(chapter.textPath(Lang.ZH)).orElseThrow();
            for (Lang lang : Lang.values()) {
                String path = chapter.textPath(lang);
                assertThat(linter.links(course, chapter, source.describe(path), source.read(path).orElseThrow())).as(path).isEmpty();
            }
            assertThat(ContentLinter.compareOutlines(chapter.textPath(Lang.EN), en, chapter.textPath(Lang.ZH), zh)).isEmpty();
        }
    }
}
