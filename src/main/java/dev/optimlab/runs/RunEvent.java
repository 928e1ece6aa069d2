package dev.optimlab.runs;

import dev.optimlab.pylite.RunResult;
import java.time.Duration;

/**
 * One thing a run reports to its subscribers, in the order it happened. No PyTorch counterpart: the
 * streams and {@code SummaryWriter} scalars a Python process would produce, plus its exit.
 */
public sealed interface RunEvent {

    /** The program left the queue and started after waiting this long. */
    record Started(Duration waited) implements RunEvent {
    }

    /**
     * The program was paused after a slice so that a learner who used less could run, and waits in the queue
     * again, keeping its state; the learner sees it as queued. Time paused does not count against its limits.
     */
    record Paused() implements RunEvent {
    }

    /** A paused program has a worker again and continues where it stopped. */
    record Resumed() implements RunEvent {
    }

    /** Text the program printed; consecutive chunks of one stream arrive joined. */
    record Output(Stream stream, String text) implements RunEvent {
    }

    /** A warning line, e.g. PyTorch's {@code UserWarning: ...}. */
    record Warning(String text) implements RunEvent {
    }

    /** A scalar of a series at a step, as {@code SummaryWriter.add_scalar} records it. */
    record Metric(String series, long step, double value) implements RunEvent {
    }

    /** Events a late or slow subscriber can no longer receive because the bounded buffer let them go. */
    record Skipped(long count) implements RunEvent {
    }

    /**
     * The run ended; always the last event.
     *
     * @param status how it ended
     * @param errorType the Python exception class, "SyntaxError" or the limit kind; null on success
     * @param errorLine the program line the error points at, or 0
     * @param message the traceback, limit or cancellation text the learner reads; empty on success
     * @param duration how long the program ran (zero if it never left the queue)
     */
    record Finished(RunResult.Status status, String errorType, int errorLine, String message, Duration duration)
            implements RunEvent {
    }

    enum Stream {
        STDOUT,
        STDERR
    }
}
