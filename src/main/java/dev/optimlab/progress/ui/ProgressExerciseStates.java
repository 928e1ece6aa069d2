package dev.optimlab.progress.ui;

import dev.optimlab.course.ExerciseStates;
import dev.optimlab.progress.ExerciseState;
import dev.optimlab.progress.ProgressService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The course overview's exercise states, read from the signed-in learner's stored progress. */
@Component
class ProgressExerciseStates implements ExerciseStates {

    private final LearnerAccounts accounts;
    private final ProgressService progress;

    ProgressExerciseStates(LearnerAccounts accounts, ProgressService progress) {
        this.accounts = accounts;
        this.progress = progress;
    }

    @Override
    public Map<String, State> ofCurrentLearner() {
        Map<String, State> states = new LinkedHashMap<>();
        accounts.currentUserId().ifPresent(user -> progress.states(user).forEach((id, state) ->
                states.put(id, new State(Status.valueOf(state.status().name()), state.bestScore()))));
        return states;
    }
}
