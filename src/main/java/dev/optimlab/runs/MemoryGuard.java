package dev.optimlab.runs;

import dev.optimlab.pylite.Limits;

/**
 * The run service's memory guard: it books each started program's memory budget against the heap share the
 * programs may use, and admits a program only when its budget fits. Running programs' budgets must fit the
 * capacity; paused programs count with what they hold (a program paused after a slice is mostly a busy loop
 * holding little of its budget) and may take up to half the capacity again on top, which keeps the heap safe
 * when they hold much. Not thread-safe: the run service calls it under its lock. No PyTorch counterpart: the
 * memory part of a batch scheduler's admission control (a job starts only when its requested memory is free).
 */
final class MemoryGuard {
    /** What the interpreter itself needs beside the program's data: parse tree, frames, buffers. */
    static final long INTERPRETER_OVERHEAD_BYTES = 8L << 20;
    /** What a paused graded attempt may hold beyond its parked program's charge: copied values, output. */
    static final long PAUSED_MARGIN_BYTES = 8L << 20;

    private final long capacity;
    /** The budgets of programs whose threads have not ended yet, paused ones included. */
    private long reservedBytes;
    /** The part of {@link #reservedBytes} that belongs to paused programs' budgets. */
    private long pausedReservedBytes;
    /** What paused programs hold of those budgets: the bytes their budgets had charged when they parked. */
    private long pausedBytes;

    MemoryGuard(long capacityBytes) {
        this.capacity = capacityBytes;
    }

    /** The budget a program with these limits books: its data and the interpreter's own, at most the capacity. */
    long reservationFor(Limits limits) {
        return Math.min(limits.maxBytes() + INTERPRETER_OVERHEAD_BYTES, capacity);
    }

    long reservedBytes() {
        return reservedBytes;
    }

    /** Whether a program may start (or a paused one resume) now. */
    boolean fits(RunHandle handle) {
        return fits(handle, 0);
    }

    /** Whether a program could start if running programs whose budgets add up to {@code pausing} paused first. */
    boolean fits(RunHandle handle, long pausing) {
        long runningBytes = reservedBytes - pausedReservedBytes;
        if (handle.state == RunHandle.State.PAUSED) {
            return runningBytes + handle.pausedReservation <= capacity;
        }
        return runningBytes - pausing + handle.reservedBytes <= capacity
                && runningBytes + pausedBytes + handle.reservedBytes <= capacity + capacity / 2;
    }

    /** What pausing this running program would free for others: its budget, unless its thread has ended. */
    static long heldBy(RunHandle handle) {
        return handle.memoryReleased.get() ? 0 : handle.reservedBytes;
    }

    /** Books a program's budget as it starts. */
    void reserve(RunHandle handle) {
        reservedBytes += handle.reservedBytes;
    }

    /** Gives back a program's budget when its thread ends, paused or not. */
    void release(RunHandle handle) {
        reservedBytes -= handle.reservedBytes;
        unpause(handle);
    }

    /** Counts a program that parked holding {@code parkedBytes} of its budget as paused. */
    void pause(RunHandle handle, long parkedBytes) {
        handle.pausedReservation = heldBy(handle);
        handle.pausedHoldBytes = Math.min(handle.pausedReservation, parkedBytes + PAUSED_MARGIN_BYTES);
        pausedReservedBytes += handle.pausedReservation;
        pausedBytes += handle.pausedHoldBytes;
    }

    /** Stops counting a program as paused: it resumes, or ends while paused. */
    void unpause(RunHandle handle) {
        pausedReservedBytes -= handle.pausedReservation;
        pausedBytes -= handle.pausedHoldBytes;
        handle.pausedReservation = 0;
        handle.pausedHoldBytes = 0;
    }
}
