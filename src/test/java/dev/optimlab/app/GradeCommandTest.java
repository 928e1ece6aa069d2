package dev.optimlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GradeCommandTest {

    private static final Path EXERCISE = Path.of("content/01-training-loop/exercises/zero-grad-missing");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int grade(String... args) {
        return GradeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode verdict() throws Exception {
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("the reference solution gets a gradable verdict with full score, exit 0")
    void solutionScoresFull() throws Exception {
        assertThat(grade("zero-grad-missing", EXERCISE.resolve("solution.py").toString())).isZero();
        JsonNode verdict = verdict();
        assertThat(verdict.get("gradable").asBoolean()).isTrue();
        assertThat(verdict.get("score").asDouble()).isEqualTo(1.0);
        assertThat(verdict.get("checks").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("the starter is graded below full score, with feedback in the requested language")
    void starterScoresLess() throws Exception {
        assertThat(grade("zero-grad-missing", EXERCISE.resolve("starter.py").toString(), "--lang", "zh")).isZero();
        JsonNode verdict = verdict();
        assertThat(verdict.get("score").asDouble()).isLessThan(1.0);
        boolean chineseFeedback = false;
        for (JsonNode check : verdict.get("checks")) {
            if (!check.get("passed").asBoolean() && check.get("feedback").asText().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)) {
                chineseFeedback = true;
            }
        }
        assertThat(chineseFeedback).as("a failed check speaks Chinese").isTrue();
    }

    @Test
    @DisplayName("an unknown exercise is a usage error with exit 2 and a message on stderr")
    void unknownExercise() {
        assertThat(grade("no-such-exercise", EXERCISE.resolve("solution.py").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such-exercise");
    }
}
