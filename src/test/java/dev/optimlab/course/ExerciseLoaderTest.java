package dev.optimlab.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The exercise loader")
class ExerciseLoaderTest {

    private static final String VALID = """
            kind: predict
            points: 2
            title: {en: Title, zh: 标题}
            instructions: {en: Do it, zh: 做吧}
            hints:
              - {en: one, zh: 一}
              - {en: two, zh: 二}
            choices:
              - {en: "a) 1", zh: "a) 1"}
              - {en: "b) 2", zh: "b) 2"}
            limits: {wall_seconds: 3, memory_mb: 128}
            """;

    @TempDir
    Path root;

    @BeforeEach
    void course() throws IOException {
        Files.writeString(root.resolve("course.yaml"), """
                title: {en: C, zh: 课}
                chapters:
                  - folder: 01-one
                    title: {en: One, zh: 一}
                  - folder: 02-two
                    title: {en: Two, zh: 二}
                """);
        for (String chapter : new String[] {"01-one", "02-two"}) {
            Files.createDirectories(root.resolve(chapter));
            Files.writeString(root.resolve(chapter + "/chapter.en.md"), "# x\n");
            Files.writeString(root.resolve(chapter + "/chapter.zh.md"), "# x\n");
        }
    }

    private void exercise(String chapter, String id, String yaml) throws IOException {
        Path dir = Files.createDirectories(root.resolve(chapter + "/exercises/" + id));
        Files.writeString(dir.resolve("exercise.yaml"), yaml);
        Files.writeString(dir.resolve("starter.py"), "answer = None\n");
        Files.writeString(dir.resolve("solution.py"), "answer = 'a'\n");
        Files.writeString(dir.resolve("checks.py"), "pass\n");
        Path index = root.resolve(chapter + "/exercises/index.yaml");
        Files.writeString(index, (Files.exists(index) ? Files.readString(index) : "") + "- " + id + "\n");
    }

    private Map<String, Exercise> load() {
        ContentSource source = ContentSource.directory(root);
        return new ExerciseLoader(source).load(new CourseLoader(source).load());
    }

    @Test
    @DisplayName("reads every field of a valid exercise and hashes its content")
    void valid() throws IOException {
        exercise("01-one", "first", VALID);
        Exercise e = load().get("first");
        assertThat(e.kind()).isEqualTo(Exercise.Kind.PREDICT);
        assertThat(e.points()).isEqualTo(2);
        assertThat(e.title()).isEqualTo(new LocalizedText("Title", "标题"));
        assertThat(e.hints()).hasSize(2);
        assertThat(e.choices()).hasSize(2);
        assertThat(e.revealSolutionAfter()).isEqualTo(3);
        assertThat(e.wallTime()).hasSeconds(3);
        assertThat(e.memoryBytes()).isEqualTo(128L << 20);
        assertThat(e.solution()).isEqualTo("answer = 'a'\n");
        assertThat(e.contentHash()).hasSize(64);
    }

    @Test
    @DisplayName("a changed file changes the content hash")
    void hashFollowsContent() throws IOException {
        exercise("01-one", "first", VALID);
        String before = load().get("first").contentHash();
        Files.writeString(root.resolve("01-one/exercises/first/checks.py"), "pass  # changed\n");
        assertThat(load().get("first").contentHash()).isNotEqualTo(before);
    }

    @Test
    @DisplayName("an unknown kind is reported at its line and column")
    void unknownKind() throws IOException {
        exercise("01-one", "first", VALID.replace("kind: predict", "kind: guess"));
        assertThatThrownBy(this::load).isInstanceOf(ContentException.class)
                .hasMessageEndingWith("first/exercise.yaml:1:7: 'kind' must be one of [fix-bug, fill-in, by-hand, predict, tune, resume]");
    }

    @Test
    @DisplayName("fewer than two hints are refused")
    void oneHint() throws IOException {
        exercise("01-one", "first", VALID.replace("  - {en: two, zh: 二}\n", ""));
        assertThatThrownBy(this::load).isInstanceOf(ContentException.class).hasMessageContaining(":6:").hasMessageContaining("at least 2 hints");
    }

    @Test
    @DisplayName("a hint without Chinese is reported at the hint")
    void missingChinese() throws IOException {
        exercise("01-one", "first", VALID.replace("{en: two, zh: 二}", "{en: two}"));
        assertThatThrownBy(this::load).hasMessageContaining("exercise.yaml:7:5: 'hints' needs a non-empty 'zh' text");
    }

    @Test
    @DisplayName("ids must be unique across chapters")
    void duplicateIds() throws IOException {
        exercise("01-one", "same", VALID);
        exercise("02-two", "same", VALID);
        assertThatThrownBy(this::load).hasMessageContaining("02-two/exercises/index.yaml:1:3")
                .hasMessageContaining("already used in chapter 01-one");
    }

    @Test
    @DisplayName("a missing checks.py is named")
    void missingFile() throws IOException {
        exercise("01-one", "first", VALID);
        Files.delete(root.resolve("01-one/exercises/first/checks.py"));
        assertThatThrownBy(this::load).hasMessageEndingWith("first/checks.py: missing file");
    }

    @Test
    @DisplayName("without memory_mb the server's Submit budget applies")
    void defaultMemory() throws IOException {
        exercise("01-one", "first", VALID.replace(", memory_mb: 128", ""));
        assertThat(load().get("first").memoryBytes()).isZero();
    }

    @Test
    @DisplayName("memory_mb above a Run's 256 MiB budget is refused at its line")
    void memoryAboveRunBudget() throws IOException {
        exercise("01-one", "first", VALID.replace("memory_mb: 128", "memory_mb: 512"));
        assertThatThrownBy(this::load).isInstanceOf(ContentException.class)
                .hasMessageContaining("memory_mb may be at most 256");
    }

    @Test
    @DisplayName("choices belong to predict exercises only")
    void choicesOnlyForPredict() throws IOException {
        exercise("01-one", "first", VALID.replace("kind: predict", "kind: fill-in"));
        assertThatThrownBy(this::load).hasMessageContaining("only predict exercises have choices");
    }
}
