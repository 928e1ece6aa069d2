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
    private static final Grader GRADER = new Grader();

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
    @DisplayName("the packaged exercises are the same as those in content/")
    void classpathMatchesFolder() {
        ContentSource packaged = ContentSource.classpath("content");
        assertThat(new ExerciseLoader(packaged).load(new CourseLoader(packaged).load())).isEqualTo(exercises);
    }

    @ParameterizedTest(name = "{0}: the reference solution scores 1.0 in both languages")
    @MethodSource("ids")
    void solutionScoresFull(String id) {
        Exercise exercise = exercises.get(id);
        for (Lang lang : Lang.values()) {
            Verdict verdict = GRADER.grade(exercise, exercise.solution(), lang);
            assertThat(verdict.gradable()).as(verdict.toJson()).isTrue();
            assertThat(verdict.score()).as(verdict.toJson()).isEqualTo(1.0);
            assertThat(verdict.checks().stream().filter(c -> c.maxPoints() > 0).count()).as(id).isGreaterThanOrEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}: the starter scores below 1.0 and gets feedback in both languages")
    @MethodSource("ids")
    void starterScoresBelowFull(String id) {
        Exercise exercise = exercises.get(id);
        for (Lang lang : Lang.values()) {
            Verdict verdict = GRADER.grade(exercise, exercise.starter(), lang);
            assertThat(verdict.gradable()).as(verdict.toJson()).isTrue();
            assertThat(verdict.score()).as(verdict.toJson()).isLessThan(1.0);
            assertThat(verdict.checks()).filteredOn(c -> !c.passed()).allSatisfy(c -> assertThat(c.feedback()).isNotBlank());
        }
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
