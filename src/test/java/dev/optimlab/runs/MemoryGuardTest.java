package dev.optimlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The memory guard")
class MemoryGuardTest {
    private static final long MIB = 1L << 20;
    /** Room for three 40 MiB budgets running, and half as much again for paused programs. */
    private final MemoryGuard guard = new MemoryGuard(120 * MIB);

    private static RunHandle program(long reservedBytes) {
        return new RunHandle(null, Learner.member("ada"), RunKind.SUBMIT, (limits, output) -> () -> { },
                RunServiceTest.SMALL, 16, reservedBytes);
    }

    private RunHandle started(long reservedBytes) {
        RunHandle handle = program(reservedBytes);
        assertThat(guard.fits(handle)).isTrue();
        guard.reserve(handle);
        handle.state = RunHandle.State.RUNNING;
        return handle;
    }

    private void pause(RunHandle handle, long parkedBytes) {
        guard.pause(handle, parkedBytes);
        handle.state = RunHandle.State.PAUSED;
    }

    @Test
    @DisplayName("books a program's data budget and the interpreter's own, never more than the whole capacity")
    void reservation() {
        assertThat(guard.reservationFor(RunServiceTest.SMALL.withMaxBytes(32 * MIB))).isEqualTo(40 * MIB);
        assertThat(guard.reservationFor(RunServiceTest.SMALL.withMaxBytes(1024 * MIB))).isEqualTo(120 * MIB);
    }

    @Test
    @DisplayName("admits programs while their budgets fit, and the next one once a program's thread has ended")
    void admission() {
        RunHandle first = started(40 * MIB);
        started(40 * MIB);
        started(40 * MIB);
        RunHandle fourth = program(40 * MIB);
        assertThat(guard.fits(fourth)).isFalse();
        assertThat(guard.reservedBytes()).isEqualTo(120 * MIB);
        guard.release(first);
        assertThat(guard.fits(fourth)).isTrue();
        assertThat(guard.reservedBytes()).isEqualTo(80 * MIB);
    }

    @Test
    @DisplayName("tells whether a waiting program would fit if a running one paused first")
    void fitsIfPaused() {
        RunHandle loop = started(40 * MIB);
        started(40 * MIB);
        started(40 * MIB);
        RunHandle waiting = program(40 * MIB);
        assertThat(guard.fits(waiting, MemoryGuard.heldBy(loop))).isTrue();
        assertThat(guard.fits(waiting, 10 * MIB)).isFalse();
        loop.memoryReleased.set(true);
        assertThat(MemoryGuard.heldBy(loop)).isZero();
    }

    @Test
    @DisplayName("counts a paused program with what it held when it parked, not its whole budget")
    void pausedHoldLittle() {
        RunHandle loop = started(40 * MIB);
        pause(loop, MIB);
        assertThat(loop.pausedReservation).isEqualTo(40 * MIB);
        assertThat(loop.pausedHoldBytes).isEqualTo(MIB + MemoryGuard.PAUSED_MARGIN_BYTES);
        started(40 * MIB);
        started(40 * MIB);
        assertThat(guard.fits(program(40 * MIB))).as("three budgets run beside a paused loop holding 9 MiB").isTrue();
    }

    @Test
    @DisplayName("lets paused programs take at most half the capacity on top of the running ones")
    void pausedCap() {
        RunHandle full = started(40 * MIB);
        pause(full, 40 * MIB);
        RunHandle other = started(40 * MIB);
        pause(other, 40 * MIB);
        started(40 * MIB);
        started(40 * MIB);
        assertThat(guard.fits(program(40 * MIB))).as("80 MiB running, 80 MiB paused and 40 MiB more exceed 180 MiB").isFalse();
        guard.release(other);
        assertThat(guard.fits(program(40 * MIB))).isTrue();
    }

    @Test
    @DisplayName("lets a paused program resume when its budget fits beside the running ones, and then counts it as running")
    void resume() {
        RunHandle paused = started(40 * MIB);
        pause(paused, MIB);
        RunHandle second = started(40 * MIB);
        started(40 * MIB);
        started(40 * MIB);
        assertThat(guard.fits(paused)).isFalse();
        guard.release(second);
        assertThat(guard.fits(paused)).isTrue();
        guard.unpause(paused);
        paused.state = RunHandle.State.RUNNING;
        assertThat(paused.pausedReservation).isZero();
        assertThat(guard.fits(program(40 * MIB))).isFalse();
        assertThat(guard.reservedBytes()).isEqualTo(120 * MIB);
    }
}
