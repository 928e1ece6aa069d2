package dev.optimlab.pylite;

import java.time.Duration;

/**
 * The limits of one run. Defaults follow docs (DESIGN.md): 10 s wall, 100 million steps, 256 MiB of
 * learner data, call depth 200, 1 MiB of output, 100 KiB of program, nesting depth 100.
 *
 * @param wallTime wall-clock limit, sleeps included
 * @param maxSteps interpreter steps (statements and expressions evaluated)
 * @param maxBytes bytes of data the program may hold
 * @param maxDepth nested Python calls
 * @param maxOutputBytes printed characters
 * @param maxProgramBytes size of the source in UTF-8 bytes
 * @param gate lets the run's owner pause and continue the program; time paused does not count against
 *             {@code wallTime}
 */
public record Limits(Duration wallTime, long maxSteps, long maxBytes, int maxDepth, long maxOutputBytes,
                     int maxProgramBytes, PauseGate gate) {

    public Limits(Duration wallTime, long maxSteps, long maxBytes, int maxDepth, long maxOutputBytes,
                  int maxProgramBytes) {
        this(wallTime, maxSteps, maxBytes, maxDepth, maxOutputBytes, maxProgramBytes, PauseGate.NONE);
    }

    public static Limits defaults() {
        return new Limits(Duration.ofSeconds(10), 100_000_000L, 256L << 20, 200, 1L << 20, 100 << 10);
    }

    public Limits withWallTime(Duration d) {
        return new Limits(d, maxSteps, maxBytes, maxDepth, maxOutputBytes, maxProgramBytes, gate);
    }

    public Limits withMaxSteps(long n) {
        return new Limits(wallTime, n, maxBytes, maxDepth, maxOutputBytes, maxProgramBytes, gate);
    }

    public Limits withMaxBytes(long n) {
        return new Limits(wallTime, maxSteps, n, maxDepth, maxOutputBytes, maxProgramBytes, gate);
    }

    public Limits withMaxDepth(int n) {
        return new Limits(wallTime, maxSteps, maxBytes, n, maxOutputBytes, maxProgramBytes, gate);
    }

    public Limits withMaxOutputBytes(long n) {
        return new Limits(wallTime, maxSteps, maxBytes, maxDepth, n, maxProgramBytes, gate);
    }

    /** The same limits for a program its owner pauses and continues through {@code gate}. */
    public Limits withGate(PauseGate gate) {
        return new Limits(wallTime, maxSteps, maxBytes, maxDepth, maxOutputBytes, maxProgramBytes, gate);
    }
}
