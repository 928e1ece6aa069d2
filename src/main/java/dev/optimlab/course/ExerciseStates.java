package dev.optimlab.course;

import java.util.Map;

/**
 * The current learner's standing on each exercise, as the course overview shows it; implemented where progress is
 * kept. Without an implementation every exercise reads "not started". No PyTorch counterpart.
 */
public interface ExerciseStates {

    /** Where a learner stands on one exercise. */
    enum Status {
        NOT_STARTED, ATTEMPTED, SOLVED
    }

    /**
     * @param status how far the learner got
     * @param bestScore the best score of their attempts, from 0 to 1 (0 when not started)
     */
    record State(Status status, double bestScore) {
        public static final State NOT_STARTED = new State(Status.NOT_STARTED, 0);
    }

    /** The current learner's states by exercise id; exercises they have not started may be missing. */
    Map<String, State> ofCurrentLearner();
}
