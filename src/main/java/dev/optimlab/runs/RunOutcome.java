package dev.optimlab.runs;

import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.runtime.LimitExceeded;
import java.time.Duration;

/**
 * How a run ended, for the grader and the command line: the interpreter's result (full stdout, traceback,
 * steps) and how long it waited in the queue. No PyTorch counterpart.
 *
 * @param result the interpreter's result; for a run cancelled in the queue, a CANCELLED result with no output
 * @param waited time spent in the queue
 * @param outputCut whether the streamed output was cut at the output limit
 * @param limit the limit that stopped the learner's program (for a Submit, the program the grader ran, whose
 *              verdict is the result), or null when no limit of the program's own stopped it
 */
public record RunOutcome(RunResult result, Duration waited, boolean outputCut, LimitExceeded.Kind limit) {

    public RunOutcome(RunResult result, Duration waited, boolean outputCut) {
        this(result, waited, outputCut, null);
    }

    public RunResult.Status status() {
        return result.status();
    }
}
