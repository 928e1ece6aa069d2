package dev.optimlab.runs;

import static dev.optimlab.runs.RunServiceTest.accepted;
import static dev.optimlab.runs.RunServiceTest.awaitState;
import static dev.optimlab.runs.RunServiceTest.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Time slices of the run service, with real pylite programs; times are bounded only to catch hangs. */
@Timeout(60)
@DisplayName("Time slicing")
class TimeSlicingTest {
    static final Duration SLICE = Duration.ofMillis(100);
    /** A busy loop ends at its one-second wall limit: a fast idle machine must not reach the step limit first. */
    static final Limits ONE_SECOND = Limits.defaults().withWallTime(Duration.ofSeconds(1)).withMaxBytes(8L << 20)
            .withMaxSteps(Long.MAX_VALUE);
    /** One worker, 100 ms slices and a long half-life, so that usage does not decay while a test runs. */
    static final RunSettings SETTINGS = RunSettings.defaults().withWorkers(1).withLimits(ONE_SECOND, ONE_SECOND)
            .withFairShare(new FairShare(Duration.ofMillis(50), Duration.ofHours(1), Duration.ofSeconds(2), 0, SLICE));
    static final String BUSY_LOOP = "while True:\n    pass\n";

    static final Learner ATTACKER = Learner.member("attacker");
    static final Learner SECOND_ATTACKER = Learner.member("second-attacker");
    static final Learner THIRD_ATTACKER = Learner.member("third-attacker");
    static final Learner LIGHT = Learner.member("light");

    private final List<RunService> services = new ArrayList<>();

    RunService service(RunSettings settings) {
        RunService service = new RunService(settings, new PyliteExecutor(), RunMetrics.NONE);
        services.add(service);
        return service;
    }

    @AfterEach
    void closeServices() {
        services.forEach(RunService::close);
    }

    static Recorder recorded(RunHandle handle) {
        Recorder recorder = new Recorder();
        handle.subscribe(recorder);
        return recorder;
    }

    /** Waits until the learner has been billed more than {@code nanos}, as happens slice by slice. */
    static void awaitBilled(RunService service, Learner learner, Duration billed) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (service.recentCpu(learner).compareTo(billed) <= 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(service.recentCpu(learner)).isGreaterThan(billed);
    }

    @Nested
    @DisplayName("A busy loop and a light learner on one worker")
    class BusyLoopAndLightLearner {
        final RunService service = service(SETTINGS);

        @Test
        @DisplayName("pause the loop for the light learner, whose program ends while the loop still has running time")
        void lightLearnerRunsFirst() throws Exception {
            RunHandle loop = accepted(service.submit(ATTACKER, Program.of(BUSY_LOOP), RunKind.RUN));
            Recorder loopEvents = recorded(loop);
            awaitBilled(service, ATTACKER, SLICE);
            RunHandle light = accepted(service.submit(LIGHT, Program.of("print(6 * 7)\n"), RunKind.RUN));

            RunOutcome lightOutcome = outcome(light);

            assertThat(lightOutcome.status()).isEqualTo(RunResult.Status.OK);
            assertThat(lightOutcome.result().stdout()).isEqualTo("42\n");
            assertThat(loop.state()).isNotEqualTo(RunHandle.State.DONE);
            RunEvent.Finished loopEnd = loopEvents.awaitFinished().finish();
            assertThat(loopEvents.events()).containsSubsequence(new RunEvent.Paused(), new RunEvent.Resumed());
            assertThat(loopEnd.status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
        }

        @Test
        @DisplayName("end the loop with its own time-limit error after a second of running, not of waiting")
        void pausedTimeDoesNotCount() throws Exception {
            long submitted = System.nanoTime();
            RunHandle loop = accepted(service.submit(ATTACKER, Program.of(BUSY_LOOP), RunKind.RUN));
            awaitBilled(service, ATTACKER, Duration.ofMillis(600));
            // A program of a learner who stays lighter (0.5 s < 0.6 s) holds the one worker while the loop waits.
            RunHandle sleeper = accepted(service.submit(LIGHT, Program.of("import time\ntime.sleep(0.5)\n"),
                    RunKind.RUN));

            RunOutcome loopOutcome = outcome(loop);
            long elapsed = System.nanoTime() - submitted;

            assertThat(outcome(sleeper).status()).isEqualTo(RunResult.Status.OK);
            assertThat(loopOutcome.status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
            assertThat(loopOutcome.result().stderr()).contains("ran longer than the 1 s time limit");
            assertThat(loopOutcome.result().duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            // One worker: the loop's second of running and the sleeper's half second cannot overlap.
            assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        }

        @Test
        @DisplayName("let Stop end the loop while it is paused, and free its memory")
        void stopEndsPausedProgram() throws Exception {
            RunHandle loop = accepted(service.submit(ATTACKER, Program.of(BUSY_LOOP), RunKind.RUN));
            awaitBilled(service, ATTACKER, Duration.ofMillis(500));
            RunHandle sleeper = accepted(service.submit(LIGHT, Program.of("import time\ntime.sleep(3)\n"),
                    RunKind.RUN));
            awaitState(loop, RunHandle.State.PAUSED);

            loop.cancel();

            RunOutcome stopped = outcome(loop);
            assertThat(stopped.status()).isEqualTo(RunResult.Status.CANCELLED);
            assertThat(stopped.result().stderr()).isEqualTo("Cancelled: you stopped the program\n");
            assertThat(sleeper.state()).isEqualTo(RunHandle.State.RUNNING);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (service.reservedBytes() > sleeper.reservedBytes && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(service.reservedBytes()).isEqualTo(sleeper.reservedBytes);
            sleeper.cancel();
        }

        @Test
        @DisplayName("bill the loop's learner slice by slice while it runs, not only at its end")
        void billedPerSlice() throws Exception {
            RunHandle loop = accepted(service.submit(ATTACKER, Program.of(BUSY_LOOP), RunKind.RUN));

            awaitBilled(service, ATTACKER, SLICE.multipliedBy(2));

            assertThat(loop.state()).isEqualTo(RunHandle.State.RUNNING);
            loop.cancel();
            assertThat(outcome(loop).status()).isEqualTo(RunResult.Status.CANCELLED);
        }
    }

    @Test
    @DisplayName("never pause a program shorter than a slice, even while lighter learners wait")
    void shortProgramNeverPaused() throws Exception {
        // A slice well above what a trivial program takes, even on a host whose cores are shared.
        RunService service = service(SETTINGS.withFairShare(SETTINGS.fairShare().withSlice(Duration.ofMillis(500))));
        // The attacker has used more than anyone, so their short programs are the ones a slice would pause.
        service.submit(ATTACKER, Program.of(BUSY_LOOP), RunKind.RUN);
        awaitBilled(service, ATTACKER, Duration.ofMillis(500));
        List<Recorder> recorders = new ArrayList<>();
        List<RunHandle> handles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Learner learner = Learner.member("learner-" + i);
            RunHandle handle = accepted(service.submit(learner, Program.of("print(sum(range(100)))\n"),
                    RunKind.SUBMIT));
            handles.add(handle);
            recorders.add(recorded(handle));
        }
        RunHandle attackerShort = accepted(service.submit(ATTACKER, Program.of("print(1)\n"), RunKind.RUN));
        Recorder attackerEvents = recorded(attackerShort);

        for (int i = 0; i < handles.size(); i++) {
            assertThat(outcome(handles.get(i)).status()).isEqualTo(RunResult.Status.OK);
            assertThat(recorders.get(i).awaitFinished().events()).doesNotContain(new RunEvent.Paused());
        }
        assertThat(outcome(attackerShort).status()).isEqualTo(RunResult.Status.OK);
        assertThat(attackerEvents.awaitFinished().events()).doesNotContain(new RunEvent.Paused());
    }

    @Test
    @DisplayName("never deadlock when the paused programs hold all the memory: a paused one resumes")
    void pausedProgramsFillingMemoryResume() throws Exception {
        Limits limits = ONE_SECOND;
        long reservation = limits.maxBytes() + MemoryGuard.INTERPRETER_OVERHEAD_BYTES;
        // Running programs may book 1.5 reservations and paused ones half as much again: the two loops, one
        // paused and one running, fill it, and the light program fits only once one of them has ended.
        RunService service = service(SETTINGS.withMemoryCapacityBytes(3 * reservation / 2));
        RunHandle first = accepted(service.submit(ATTACKER, Program.of(BUSY_LOOP), RunKind.RUN));
        awaitBilled(service, ATTACKER, SLICE);
        RunHandle second = accepted(service.submit(SECOND_ATTACKER, Program.of(BUSY_LOOP), RunKind.RUN));
        awaitState(first, RunHandle.State.PAUSED);
        RunHandle light = accepted(service.submit(LIGHT, Program.of("print('fits later')\n"), RunKind.RUN));

        assertThat(outcome(first).status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
        assertThat(outcome(second).status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
        RunOutcome lightOutcome = outcome(light);
        assertThat(lightOutcome.status()).isEqualTo(RunResult.Status.OK);
        assertThat(lightOutcome.result().stdout()).isEqualTo("fits later\n");
    }
    @Test
    @DisplayName("count a paused busy loop with the little memory it holds, not its whole budget, so lighter programs still start")
    void pausedLoopsHoldLittle() throws Exception {
        Limits limits = ONE_SECOND.withMaxBytes(64L << 20);
        long reservation = limits.maxBytes() + MemoryGuard.INTERPRETER_OVERHEAD_BYTES;
        // Two budgets may run and paused programs may add one more: whole budgets held by three paused loops
        // would leave the light program waiting until the loops end; what the loops hold leaves room for it.
        RunService service = service(SETTINGS.withLimits(limits, limits).withMemoryCapacityBytes(2 * reservation));
        List<RunHandle> loops = new ArrayList<>();
        for (Learner attacker : List.of(ATTACKER, SECOND_ATTACKER, THIRD_ATTACKER)) {
            if (!loops.isEmpty()) {
                awaitBilled(service, loops.size() == 1 ? ATTACKER : SECOND_ATTACKER, SLICE);
            }
            loops.add(accepted(service.submit(attacker, Program.of(BUSY_LOOP), RunKind.RUN)));
            if (loops.size() > 1) {
                awaitState(loops.get(loops.size() - 2), RunHandle.State.PAUSED);
            }
        }
        awaitBilled(service, THIRD_ATTACKER, SLICE);
        RunHandle light = accepted(service.submit(LIGHT, Program.of("print('started beside three paused loops')\n"),
                RunKind.RUN));

        RunOutcome lightOutcome = outcome(light);

        assertThat(lightOutcome.result().stdout()).isEqualTo("started beside three paused loops\n");
        assertThat(loops).allSatisfy(loop -> assertThat(loop.state()).isNotEqualTo(RunHandle.State.DONE));
        for (RunHandle loop : loops) {
            assertThat(outcome(loop).status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
        }
    }
}
