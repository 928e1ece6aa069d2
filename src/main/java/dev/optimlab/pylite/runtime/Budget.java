package dev.optimlab.pylite.runtime;

import dev.optimlab.pylite.PauseGate;
import java.util.function.LongSupplier;

/**
 * The resource budget of one run: interpreter steps, wall time, learner-allocated bytes, call depth,
 * output bytes and cancellation. Allocations are charged before they happen. The step counter is the
 * only thing touched on the hot path; the clock, the cancel flag and the pause gate are read every 1024
 * steps. Time parked at the pause gate does not count against the wall limit.
 */
public final class Budget {
    private static final int CHECK_INTERVAL = 1024;

    private final long maxSteps;
    private final long maxNanos;
    private final long maxBytes;
    private final int maxDepth;
    private final long maxOutputBytes;
    private final long startNanos = System.nanoTime();
    private final PauseGate gate;
    private long pausedNanos;
    private volatile boolean cancelled;
    private long steps;
    private int countdown = CHECK_INTERVAL;
    private long charged;
    private long outputBytes;
    private int depth;
    private LongSupplier liveBytes = () -> Long.MAX_VALUE;

    public Budget(long maxSteps, long maxNanos, long maxBytes, int maxDepth, long maxOutputBytes) {
        this(maxSteps, maxNanos, maxBytes, maxDepth, maxOutputBytes, PauseGate.NONE);
    }

    public Budget(long maxSteps, long maxNanos, long maxBytes, int maxDepth, long maxOutputBytes, PauseGate gate) {
        this.gate = gate;
        this.maxSteps = maxSteps;
        this.maxNanos = maxNanos;
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.maxOutputBytes = maxOutputBytes;
    }

    /** Counts one interpreter step; every 1024 steps also checks time and cancellation. */
    public void step() {
        if (--countdown <= 0) {
            slowCheck();
        }
    }

    /** Counts {@code n} steps at once, for built-in operations that do proportional work. */
    public void steps(long n) {
        steps += n;
        slowCheck();
    }

    private void slowCheck() {
        steps += CHECK_INTERVAL - countdown;
        countdown = CHECK_INTERVAL;
        if (gate.isClosed()) {
            passGate();
        }
        if (cancelled) {
            throw new LimitExceeded(LimitExceeded.Kind.CANCELLED, "Your program was stopped");
        }
        if (steps > maxSteps) {
            throw new LimitExceeded(LimitExceeded.Kind.STEPS, "Your program took more than the "
                    + String.format("%,d", maxSteps) + "-step limit (is there an endless loop?)");
        }
        checkTime();
    }

    /** Parks while the run's owner has paused it; a stop through the gate cancels the run. */
    private void passGate() {
        pausedNanos += gate.pass(() -> cancelled, Math.min(charged, maxBytes));
        if (gate.isStopped()) {
            cancelled = true;
        }
    }

    private void checkTime() {
        if (System.nanoTime() - startNanos - pausedNanos > maxNanos) {
            throw new LimitExceeded(LimitExceeded.Kind.TIME, "Your program ran longer than the "
                    + seconds(maxNanos) + " time limit");
        }
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
    }

    /** Steps counted so far (exact to within one check interval). */
    public long steps() {
        return steps + CHECK_INTERVAL - countdown;
    }

    /** Asks the run to stop at its next check; safe to call from any thread. */
    public void cancel() {
        cancelled = true;
        gate.wake();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** How the interpreter measures the data the program still holds, to forgive memory it has dropped. */
    public void setLiveBytes(LongSupplier liveBytes) {
        this.liveBytes = liveBytes;
    }

    /**
     * Charges an allocation of {@code bytes} before it is made. When the running total passes the limit,
     * the program's reachable data is measured; only if that plus the request is still over the limit
     * does the run stop.
     */
    public void allocate(long bytes) {
        if (bytes < 0 || bytes > maxBytes) {
            throw memory();
        }
        charged += bytes;
        if (charged > maxBytes) {
            long live = liveBytes.getAsLong();
            // a program holding nearly all of its budget would make every allocation re-measure; stop it instead
            if (live == Long.MAX_VALUE || live + bytes > maxBytes - maxBytes / 16) {
                throw memory();
            }
            charged = live + bytes;
        }
    }

    private LimitExceeded memory() {
        return new LimitExceeded(LimitExceeded.Kind.MEMORY, "Your program tried to use more than the "
                + mebibytes(maxBytes) + " memory limit");
    }

    private static String mebibytes(long bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes / 1024 + " KiB";
    }

    /** Charges printed output. */
    public void output(long bytes) {
        outputBytes += bytes;
        if (outputBytes > maxOutputBytes) {
            throw new LimitExceeded(LimitExceeded.Kind.OUTPUT, "Your program printed more than the "
                    + mebibytes(maxOutputBytes) + " output limit");
        }
    }

    /** Enters a Python call; the limit stands in for CPython's recursion limit. */
    public void enterCall() {
        if (++depth > maxDepth) {
            depth = 0;
            throw new LimitExceeded(LimitExceeded.Kind.RECURSION, "Your program nested function calls more than "
                    + maxDepth + " deep (is a recursive function missing its base case?)");
        }
    }

    public void exitCall() {
        depth--;
    }

    /** Waits as {@code time.sleep} does, counted against the wall limit and still cancellable. */
    public void sleep(double seconds) {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            if (gate.isClosed()) {
                passGate();
            }
            if (cancelled) {
                throw new LimitExceeded(LimitExceeded.Kind.CANCELLED, "Your program was stopped");
            }
            checkTime();
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(left / 1_000_000 + 1, 20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LimitExceeded(LimitExceeded.Kind.CANCELLED, "Your program was stopped");
            }
        }
    }

    /** Checks time and cancellation now; long host operations call this per block of work. */
    public void checkpoint() {
        slowCheck();
    }
}
