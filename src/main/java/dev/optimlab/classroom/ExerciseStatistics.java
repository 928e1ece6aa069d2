package dev.optimlab.classroom;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a classroom did on one exercise, as PrairieLearn's and Canvas's item statistics summarise a question.
 *
 * @param attempts gradable attempts by the classroom's learners
 * @param learnersTried learners with at least one gradable attempt
 * @param learnersSolved learners who reached a full score
 * @param rosterSize learners in the classroom, the denominator of the solve rate
 * @param medianAttemptsToSolve over the learners who solved it, the attempts up to and including the first full
 *                              score (Python's {@code statistics.median}: the mean of the middle two for an even count)
 * @param mostFailedCheck the check that failed in the most attempts, if any failed
 */
public record ExerciseStatistics(String exerciseId, int attempts, int learnersTried, int learnersSolved, int rosterSize,
                                 OptionalDouble medianAttemptsToSolve, Optional<FailedCheck> mostFailedCheck) {

    /** A check by name and the number of attempts in which it failed. */
    public record FailedCheck(String name, int failures) {
    }

    /** The share of the roster that solved it, 0 for an empty roster. */
    public double solveRate() {
        return rosterSize == 0 ? 0 : (double) learnersSolved / rosterSize;
    }
}
