package dev.optimlab.pylite;

import dev.optimlab.pylite.runtime.LimitExceeded;
import java.time.Duration;

/**
 * The outcome of a run.
 *
 * @param status how it ended
 * @param stdout everything the program printed
 * @param stderr the traceback or limit message (empty when the run succeeded)
 * @param errorType the Python exception class name, "SyntaxError", or the limit kind; null on success
 * @param errorLine the program line the error points at, or 0
 * @param duration wall time of the run
 * @param steps interpreter steps counted
 */
public record RunResult(Status status, String stdout, String stderr, String errorType, int errorLine,
                        Duration duration, long steps) {

    public enum Status {
        /** The program ran to its end. */
        OK,
        /** The program raised an exception or had a syntax error; stderr holds CPython's traceback text. */
        PYTHON_ERROR,
        /** A limit (time, steps, memory, depth, output, size) stopped the program. */
        LIMIT_EXCEEDED,
        /** The run was cancelled from outside. */
        CANCELLED
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** The limit that stopped the program, or null when none did (a cancel from outside is no limit of its own). */
    public LimitExceeded.Kind limit() {
        if (status != Status.LIMIT_EXCEEDED) {
            return null;
        }
        for (LimitExceeded.Kind kind : LimitExceeded.Kind.values()) {
            if (kind.name().equals(errorType)) {
                return kind;
            }
        }
        return null;
    }
}
