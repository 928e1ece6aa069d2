package dev.optimlab.pylite;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Lets the owner of a run pause it and continue it later, as a shell's job control stops a {@code python3}
 * process with SIGSTOP and continues it with SIGCONT (Ctrl-Z, then {@code fg}); or stop it for good. The
 * program notices at its budget's next check (every 1024 steps, and per block inside long tensor kernels),
 * so a closed gate costs the hot path nothing and an open one a volatile read per check. One gate may serve
 * several programs run one after the other, as the learner's program and the checks of a graded attempt.
 */
public final class PauseGate {
    /** A gate nobody closes: the default of {@link Limits}. */
    public static final PauseGate NONE = new PauseGate(false);

    private static final int OPEN = 0;
    private static final int CLOSED = 1;
    private static final int STOPPED = 2;
    /** A parked program looks at its own cancellation this often even if nobody wakes it. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final boolean controllable;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile int state = OPEN;
    private boolean parked;
    private long parkedSince;
    private long parkedBytes;
    private long pausedNanos;

    public PauseGate() {
        this(true);
    }

    private PauseGate(boolean controllable) {
        this.controllable = controllable;
    }

    /** Whether a program at its check must stop here: paused or stopped. The only read on the check path. */
    public boolean isClosed() {
        return state != OPEN;
    }

    /** Whether the owner ended the run through the gate; its programs then end as cancelled. */
    public boolean isStopped() {
        return state == STOPPED;
    }

    /** Asks the program to park at its next check. */
    public void close() {
        transition(CLOSED);
    }

    /** Lets a parked program continue. */
    public void open() {
        transition(OPEN);
    }

    /** Ends the run: a parked program and every later check of this gate's programs stop as cancelled. */
    public void stop() {
        transition(STOPPED);
    }

    private void transition(int to) {
        if (!controllable) {
            throw new IllegalStateException("PauseGate.NONE cannot be closed, opened or stopped");
        }
        lock.lock();
        try {
            if (state != STOPPED) {
                state = to;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a parked program so that it sees its own cancellation at once rather than at its next look. */
    public void wake() {
        if (!controllable) {
            return;
        }
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a program has parked at the closed gate, for at most {@code timeoutNanos}; true if one is
     * parked, false if the gate is open again, none reached a check in time, or the run was stopped.
     */
    public boolean awaitParked(long timeoutNanos) {
        lock.lock();
        try {
            long left = timeoutNanos;
            while (state == CLOSED && !parked && left > 0) {
                left = changed.awaitNanos(left);
            }
            return state == CLOSED && parked;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Time programs have spent parked at this gate so far, the current pause included. */
    public long pausedNanos() {
        if (!controllable) {
            return 0;
        }
        lock.lock();
        try {
            return pausedNanos + (parked ? System.nanoTime() - parkedSince : 0);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Bytes the parked program said it holds when it parked (its budget's charged allocations, an upper bound
     * of what it keeps alive); meaningful once {@link #awaitParked} has returned true.
     */
    public long parkedBytes() {
        lock.lock();
        try {
            return parkedBytes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Parks the calling program while the gate is closed and {@code cancelled} says no; returns the time it
     * was parked. Called by the program's own thread at its checks, with the bytes it holds.
     */
    public long pass(BooleanSupplier cancelled, long heldBytes) {
        lock.lock();
        try {
            if (state != CLOSED || cancelled.getAsBoolean()) {
                return 0;
            }
            parked = true;
            parkedBytes = heldBytes;
            parkedSince = System.nanoTime();
            changed.signalAll();
            try {
                while (state == CLOSED && !cancelled.getAsBoolean()) {
                    changed.awaitNanos(RECHECK_NANOS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long parkedFor = System.nanoTime() - parkedSince;
            parked = false;
            pausedNanos += parkedFor;
            changed.signalAll();
            return parkedFor;
        } finally {
            lock.unlock();
        }
    }
}
