package dev.optimlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The course's exercises")
class ExerciseContentTest {

    private static Map<String, Exercise> exercises;
    private static final ContentLinter LINTER = new ContentLinter(ContentSource.directory(Path.of("content")));

    @BeforeAll
    static void load() {
        ContentSource source = ContentSource.directory(Path.of("content"));
        exercises = new ExerciseLoader(source).load(new CourseLoader(source).load());
    }

    static Stream<String> ids() {
        load();
        return exercises.keySet().stream();
    }

    @Test
    @DisplayName("chapters 01, 03, 06, 07 and 08 have at least three exercises each, of more than one kind")
    void enoughExercises() {
        for (String chapter : new String[] {"01-training-loop", "03-sgd-momentum", "06-schedules", "07-checkpointing",
            "08-practical-tricks"}) {
            var mine = exercises.values().stream().filter(e -> e.chapterFolder().equals(chapter)).toList();
            assertThat(mine).as(chapter).hasSizeGreaterThanOrEqualTo(3);
            assertThat(mine.stream().map(Exercise::kind).distinct().count()).as(chapter).isGreaterThan(1);
        }
    }

    @Test
    @DisplayName("chapters 02, 04 and 05 have four exercises each, of at least three kinds")
    void practiceForLossesAdaptiveAndGroups() {
        for (String chapter : new String[] {"02-losses", "04-adaptive", "05-param-groups"}) {
            var mine = exercises.values().stream().filter(e -> e.chapterFolder().equals(chapter)).toList();
            assertThat(mine).as(chapter).hasSizeGreaterThanOrEqualTo(4);
            assertThat(mine.stream().map(Exercise::kind).distinct().count()).as(chapter).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    @DisplayName("the packaged exercises are the same as those in content/")
    void classpathMatchesFolder() {
        ContentSource packaged = ContentSource.classpath("content");
        assertThat(new ExerciseLoader(packaged).load(new CourseLoader(packaged).load())).isEqualTo(exercises);
    }

    @ParameterizedTest(name = "{0}: the solution scores 1.0 with at least 3 scored checks and the starter less, with feedback, in both languages")
    @MethodSource("ids")
    void gradesAsDesigned(String id) {
        assertThat(LINTER.gradeExercise(exercises.get(id))).as(id).isEmpty();
    }

    @ParameterizedTest(name = "{0}: has at least two hints, and every text in English and Chinese")
    @MethodSource("ids")
    void bilingual(String id) {
        Exercise exercise = exercises.get(id);
        assertThat(exercise.hints()).hasSizeGreaterThanOrEqualTo(2);
        Stream.concat(Stream.of(exercise.title(), exercise.instructions()), exercise.hints().stream()).forEach(text -> {
            assertThat(text.en()).isNotBlank();
            assertThat(text.zh()).as("Chinese text").containsPattern("\\p{IsHan}");
        });
        // choices may be bare numbers, the same in both languages
        exercise.choices().forEach(choice -> assertThat(choice.zh()).isNotBlank());
    }
}
