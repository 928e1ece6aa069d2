package dev.optimlab.runs;

import dev.optimlab.pylite.RunResult;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Where the run service reports its figures; {@link MicrometerRunMetrics} sends them to Actuator, the
 * command line uses {@link #NONE}. No PyTorch counterpart.
 */
public interface RunMetrics {

    RunMetrics NONE = new RunMetrics() { };

    default void queueLength(IntSupplier length) {
    }

    default void waited(RunKind kind, Duration waited) {
    }

    default void ran(RunKind kind, RunResult result) {
    }

    /** The CPU time a started program or job used, as billed to its learner. */
    default void cpu(RunKind kind, Duration used) {
    }

    default void rejected(SubmitResult.Reason reason) {
    }

    default void cancelled(CancelCause cause) {
    }
}
