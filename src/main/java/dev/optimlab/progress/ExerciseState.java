package dev.optimlab.progress;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a learner stands on one exercise.
 *
 * @param attempts graded attempts so far
 */
public record ExerciseState(String exerciseId, Status status, double bestScore, int attempts,
                            Optional<Instant> solvedAt, Optional<Instant> lastActivity) {

    /** NOT_STARTED until the first graded attempt, SOLVED from the first full score on. */
    public enum Status {
        NOT_STARTED, ATTEMPTED, SOLVED
    }

    static ExerciseState notStarted(String exerciseId) {
        return new ExerciseState(exerciseId, Status.NOT_STARTED, 0, 0, Optional.empty(), Optional.empty());
    }

    static ExerciseState of(ExerciseProgress p) {
        Status status = p.solvedAt().isPresent() ? Status.SOLVED : p.attempts() > 0 ? Status.ATTEMPTED : Status.NOT_STARTED;
        return new ExerciseState(p.exerciseId(), status, p.bestScore(), p.attempts(), p.solvedAt(),
                Optional.of(p.lastActivity()));
    }
}
