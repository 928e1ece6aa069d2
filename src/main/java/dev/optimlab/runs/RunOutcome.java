package dev.optimlab.runs;

import dev.optimlab.pylite.RunResult;
import java.time.Duration;

/**
 * How a run ended, for the grader and the command line: the interpreter's result (full stdout, traceback,
 * steps) and how long it waited in the queue. No PyTorch counterpart.
 *
 * @param result the interpreter's result; for a run cancelled in the queue, a CANCELLED result with no output
 * @param waited time spent in the queue
 * @param outputCut whether the streamed output was cut at the output limit
 */
public record RunOutcome(RunResult result, Duration waited, boolean outputCut) {

    public RunResult.Status status() {
        return result.status();
    }
}
