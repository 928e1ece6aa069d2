package dev.optimlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.course.TinyCourse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The lint-content command")
class LintContentCommandTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int lint(String... args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("exits 0 on a clean folder and prints only the summary")
    void cleanFolder() throws IOException {
        TinyCourse.write(root);
        assertThat(lint("lint-content", root.toString())).isZero();
        assertThat(stdout()).isEqualTo("1 chapter, 2 runnable blocks, 1 exercise checked: no problems\n");
    }

    @Test
    @DisplayName("exits 1 on a broken folder, with one file:line: message line per problem and the count")
    void brokenFolder() throws IOException {
        TinyCourse.write(root);
        Path chapter = root.resolve("01-one");
        Files.writeString(chapter.resolve("chapter.en.md"), TinyCourse.CHAPTER_EN + "\n![a figure](figure.png)\n");
        Files.writeString(chapter.resolve("exercises/set-answer/solution.py"), "answer = 2\n");
        assertThat(lint("lint-content", root.toString())).isEqualTo(1);
        String base = root.toAbsolutePath().normalize().toString();
        assertThat(stdout().lines().toList()).containsExactly(
                base + "/01-one/chapter.en.md:11: broken image 'figure.png': no file " + base + "/01-one/figure.png",
                base + "/01-one/exercises/set-answer/solution.py:1: the solution scores 0.0, not 1.0: failed 'first', 'second', 'third' (en, zh)",
                "1 chapter, 2 runnable blocks, 1 exercise checked: 2 problems");
    }

    @Test
    @DisplayName("exits 1 with the position when course.yaml is not valid YAML")
    void brokenYaml() throws IOException {
        Files.writeString(root.resolve("course.yaml"), "title: [\n");
        assertThat(lint("lint-content", root.toString())).isEqualTo(1);
        assertThat(stdout()).startsWith(root.toAbsolutePath().normalize().resolve("course.yaml") + ":").contains("not valid YAML")
                .endsWith("0 chapters, 0 runnable blocks, 0 exercises checked: 1 problem\n");
    }

    @Nested
    @DisplayName("usage")
    class Usage {

        @Test
        @DisplayName("a folder that does not exist is a usage error with exit 64")
        void missingFolder() {
            assertThat(lint("lint-content", root.resolve("nowhere").toString())).isEqualTo(64);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("optimlab lint-content: no folder").contains("usage:");
        }

        @Test
        @DisplayName("two folders or an unknown option are usage errors with exit 64")
        void tooManyArguments() {
            assertThat(lint("lint-content", "a", "b")).isEqualTo(64);
            assertThat(lint("lint-content", "--fix")).isEqualTo(64);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected at most one folder").contains("unknown option --fix");
        }

        @Test
        @DisplayName("--help prints the usage and exits 0, and help lists the command")
        void help() {
            assertThat(lint("lint-content", "--help")).isZero();
            assertThat(lint("help")).isZero();
            assertThat(stdout()).contains("usage: java -jar optimlab.jar lint-content [DIR]").contains("lint-content  check a course folder");
        }
    }
}
