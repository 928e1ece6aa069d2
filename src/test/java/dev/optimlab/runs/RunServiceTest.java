package dev.optimlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RunServiceTest {
    static final Limits SMALL = Limits.defaults().withWallTime(Duration.ofSeconds(5)).withMaxBytes(8L << 20);
    static final RunSettings ONE_WORKER = RunSettings.defaults().withWorkers(1).withLimits(SMALL, SMALL);

    private final List<RunService> services = new ArrayList<>();

    RunService service(RunSettings settings, ProgramExecutor executor) {
        RunService service = new RunService(settings, executor, RunMetrics.NONE);
        services.add(service);
        return service;
    }

    @AfterEach
    void closeServices() {
        services.forEach(RunService::close);
    }

    static RunHandle accepted(SubmitResult result) {
        assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
        return ((SubmitResult.Accepted) result).handle();
    }

    static RunOutcome outcome(RunHandle handle) throws Exception {
        return handle.outcome().get(20, TimeUnit.SECONDS);
    }

    static void awaitState(RunHandle handle, RunHandle.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (handle.state() != state && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(handle.state()).isEqualTo(state);
    }

    static final Learner ADA = Learner.member("ada");
    static final Learner BOB = Learner.member("bob");
    static final Learner CY = Learner.member("cy");

    @Nested
    @DisplayName("Queueing and replacement")
    class Queueing {
        final ScriptedExecutor executor = ScriptedExecutor.waiting();
        final RunService service = service(ONE_WORKER.withQueueCapacity(2), executor);

        @Test
        @DisplayName("a submission is answered at once with an id and the number of programs ahead of it")
        void answersWithPosition() throws Exception {
            RunHandle first = accepted(service.submit(ADA, Program.of("a"), RunKind.RUN));
            awaitState(first, RunHandle.State.RUNNING);
            RunHandle second = accepted(service.submit(BOB, Program.of("b"), RunKind.RUN));
            RunHandle third = accepted(service.submit(CY, Program.of("c"), RunKind.SUBMIT));
            assertThat(first.id()).isNotEqualTo(second.id());
            assertThat(first.queuePosition()).isZero();
            assertThat(second.queuePosition()).isZero();
            assertThat(third.queuePosition()).isEqualTo(1);
            assertThat(first.currentQueuePosition()).isEqualTo(-1);
            assertThat(third.currentQueuePosition()).isEqualTo(1);
            executor.release();
            assertThat(outcome(third).status()).isEqualTo(RunResult.Status.OK);
        }

        @Test
        @DisplayName("a new Run cancels the learner's running Run and replaces their queued one")
        void newRunReplacesOld() throws Exception {
            RunHandle running = accepted(service.submit(ADA, Program.of("1"), RunKind.RUN));
            awaitState(running, RunHandle.State.RUNNING);
            RunHandle queued = accepted(service.submit(ADA, Program.of("2"), RunKind.RUN));
            assertThat(outcome(running).status()).isEqualTo(RunResult.Status.CANCELLED);
            RunHandle latest = accepted(service.submit(ADA, Program.of("3"), RunKind.RUN));
            awaitState(latest, RunHandle.State.RUNNING);
            assertThat(outcome(queued).status()).isEqualTo(RunResult.Status.CANCELLED);
            executor.release();
            assertThat(outcome(latest).result().stdout()).isEqualTo("3");
        }

        @Test
        @DisplayName("a queued Run that is replaced ends cancelled without ever starting")
        void queuedRunIsReplacedUnstarted() throws Exception {
            awaitState(accepted(service.submit(BOB, Program.of("busy"), RunKind.RUN)), RunHandle.State.RUNNING);
            RunHandle queued = accepted(service.submit(ADA, Program.of("old"), RunKind.RUN));
            accepted(service.submit(ADA, Program.of("new"), RunKind.RUN));
            RunOutcome replaced = outcome(queued);
            assertThat(replaced.status()).isEqualTo(RunResult.Status.CANCELLED);
            assertThat(replaced.result().stderr()).contains("a newer run replaced it");
            assertThat(executor.started.get()).isEqualTo(1);
        }

        @Test
        @DisplayName("a second Submit is refused while the first is still being graded, and accepted after")
        void oneSubmitAtATime() throws Exception {
            RunHandle first = accepted(service.submit(ADA, Program.of("s"), RunKind.SUBMIT));
            SubmitResult second = service.submit(ADA, Program.of("s"), RunKind.SUBMIT);
            assertThat(second).isEqualTo(new SubmitResult.Rejected(SubmitResult.Reason.SUBMISSION_PENDING,
                    "your previous submission is still being graded"));
            accepted(service.submit(ADA, Program.of("r"), RunKind.RUN));
            executor.release();
            outcome(first);
            accepted(service.submit(ADA, Program.of("s"), RunKind.SUBMIT));
        }

        @Test
        @DisplayName("a Submit is not cancelled by a new Run of the same learner")
        void submitSurvivesRun() throws Exception {
            RunHandle submit = accepted(service.submit(ADA, Program.of("s"), RunKind.SUBMIT));
            accepted(service.submit(ADA, Program.of("r1"), RunKind.RUN));
            accepted(service.submit(ADA, Program.of("r2"), RunKind.RUN));
            executor.release();
            assertThat(outcome(submit).status()).isEqualTo(RunResult.Status.OK);
        }

        @Test
        @DisplayName("when the queue is full, a new program is refused as the server being busy")
        void queueCap() throws Exception {
            RunHandle running = accepted(service.submit(ADA, Program.of("a"), RunKind.RUN));
            awaitState(running, RunHandle.State.RUNNING);
            accepted(service.submit(BOB, Program.of("b"), RunKind.RUN));
            accepted(service.submit(CY, Program.of("c"), RunKind.RUN));
            SubmitResult refused = service.submit(Learner.member("dee"), Program.of("d"), RunKind.SUBMIT);
            assertThat(refused).isEqualTo(new SubmitResult.Rejected(SubmitResult.Reason.SERVER_BUSY,
                    "the server is busy, try again in a few seconds"));
            assertThat(service.queueLength()).isEqualTo(2);
            accepted(service.submit(BOB, Program.of("b2"), RunKind.RUN));
        }

        @Test
        @DisplayName("guests are refused when guest runs are off, and capped per address when on")
        void guests() {
            RunService off = service(ONE_WORKER.withGuests(false, 3), ScriptedExecutor.waiting());
            assertThat(off.submit(Learner.guest("g1", "10.0.0.1"), Program.of("x"), RunKind.RUN))
                    .isEqualTo(SubmitResult.Reason.GUESTS_DISABLED.rejected());
            RunService capped = service(ONE_WORKER.withGuests(true, 2), ScriptedExecutor.waiting());
            accepted(capped.submit(Learner.guest("g1", "10.0.0.1"), Program.of("x"), RunKind.RUN));
            accepted(capped.submit(Learner.guest("g2", "10.0.0.1"), Program.of("x"), RunKind.RUN));
            accepted(capped.submit(Learner.guest("g2", "10.0.0.1"), Program.of("replaces"), RunKind.RUN));
            assertThat(capped.submit(Learner.guest("g3", "10.0.0.1"), Program.of("x"), RunKind.RUN))
                    .isEqualTo(SubmitResult.Reason.ADDRESS_CAP.rejected());
            accepted(capped.submit(Learner.guest("g4", "10.0.0.2"), Program.of("x"), RunKind.RUN));
        }

        @Test
        @DisplayName("guests' access read from a source counts at the next submission, and members are never asked about it")
        void guestAccessFromSource() {
            RunService service = service(ONE_WORKER, ScriptedExecutor.waiting());
            AtomicReference<GuestAccess> access = new AtomicReference<>(new GuestAccess(false, 3));
            service.readGuestAccessFrom(access::get);
            assertThat(service.submit(Learner.guest("g1", "10.0.0.1"), Program.of("x"), RunKind.RUN))
                    .isEqualTo(SubmitResult.Reason.GUESTS_DISABLED.rejected());
            accepted(service.submit(ADA, Program.of("x"), RunKind.RUN));
            access.set(new GuestAccess(true, 1));
            accepted(service.submit(Learner.guest("g1", "10.0.0.1"), Program.of("x"), RunKind.RUN));
            assertThat(service.submit(Learner.guest("g2", "10.0.0.1"), Program.of("x"), RunKind.RUN))
                    .isEqualTo(SubmitResult.Reason.ADDRESS_CAP.rejected());
            access.set(new GuestAccess(true, 2));
            accepted(service.submit(Learner.guest("g2", "10.0.0.1"), Program.of("x"), RunKind.RUN));
        }
    }

    @Nested
    @DisplayName("Cancellation")
    class Cancellation {

        @Test
        @DisplayName("Stop ends a busy loop promptly and the worker takes the next program")
        void stopBusyLoop() throws Exception {
            RunService service = service(ONE_WORKER, new PyliteExecutor());
            RunHandle loop = accepted(service.submit(ADA, Program.of("while True:\n    pass\n"), RunKind.RUN));
            RunHandle next = accepted(service.submit(BOB, Program.of("print('next')\n"), RunKind.RUN));
            awaitState(loop, RunHandle.State.RUNNING);
            loop.cancel();
            RunOutcome stopped = outcome(loop);
            assertThat(stopped.status()).isEqualTo(RunResult.Status.CANCELLED);
            assertThat(stopped.result().duration()).isLessThan(SMALL.wallTime());
            assertThat(outcome(next).result().stdout()).isEqualTo("next\n");
        }

        @Test
        @DisplayName("a Stop on a queued program ends it at once without running it")
        void stopQueued() throws Exception {
            ScriptedExecutor executor = ScriptedExecutor.waiting();
            RunService service = service(ONE_WORKER, executor);
            awaitState(accepted(service.submit(ADA, Program.of("a"), RunKind.RUN)), RunHandle.State.RUNNING);
            RunHandle queued = accepted(service.submit(BOB, Program.of("b"), RunKind.RUN));
            queued.cancel();
            assertThat(outcome(queued).status()).isEqualTo(RunResult.Status.CANCELLED);
            assertThat(service.queueLength()).isZero();
        }

        @Test
        @DisplayName("a closed tab cancels the learner's Run but their Submit is still graded")
        void sessionEnded() throws Exception {
            ScriptedExecutor executor = ScriptedExecutor.waiting();
            RunService service = service(ONE_WORKER.withWorkers(2), executor);
            RunHandle run = accepted(service.submit(ADA, Program.of("r"), RunKind.RUN));
            RunHandle submit = accepted(service.submit(ADA, Program.of("s"), RunKind.SUBMIT));
            awaitState(run, RunHandle.State.RUNNING);
            service.cancelAllFor(ADA);
            RunOutcome cancelled = outcome(run);
            assertThat(cancelled.status()).isEqualTo(RunResult.Status.CANCELLED);
            executor.release();
            assertThat(outcome(submit).status()).isEqualTo(RunResult.Status.OK);
        }

        @Test
        @DisplayName("the wall limit stops a busy loop with a time limit error")
        void wallLimit() throws Exception {
            RunService service = service(ONE_WORKER, new PyliteExecutor());
            Limits short_ = SMALL.withWallTime(Duration.ofMillis(200));
            RunOutcome outcome = outcome(accepted(service.submit(ADA, Program.of("while True:\n    pass\n"),
                    RunKind.RUN, short_)));
            assertThat(outcome.status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
            assertThat(outcome.result().errorType()).isEqualTo("TIME");
        }

        @Test
        @DisplayName("a program stuck where it cannot see the Stop, as in a long kernel, frees its worker after the grace")
        void stuckProgramFreesWorker() throws Exception {
            ScriptedExecutor stuck = new ScriptedExecutor(output -> { }, true);
            RunService service = service(ONE_WORKER, stuck);
            RunHandle kernel = accepted(service.submit(ADA, Program.of("k"), RunKind.RUN));
            awaitState(kernel, RunHandle.State.RUNNING);
            long stop = System.nanoTime();
            kernel.cancel();
            RunOutcome outcome = outcome(kernel);
            Duration toFree = Duration.ofNanos(System.nanoTime() - stop);
            assertThat(outcome.status()).isEqualTo(RunResult.Status.CANCELLED);
            assertThat(toFree).isLessThan(service.settings().cancelGrace().plusSeconds(5));
            assertThat(service.reservedBytes()).as("its memory stays booked until its thread ends").isPositive();
            stuck.release();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (service.reservedBytes() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(service.reservedBytes()).isZero();
        }

        @Test
        @DisplayName("a program that never sees its wall limit ends as a time limit once the grace is over")
        void stuckProgramPastWallLimit() throws Exception {
            ScriptedExecutor stuck = new ScriptedExecutor(output -> { }, true);
            RunService service = service(ONE_WORKER, stuck);
            RunHandle kernel = accepted(service.submit(ADA, Program.of("k"), RunKind.RUN,
                    SMALL.withWallTime(Duration.ofMillis(200))));
            RunHandle next = accepted(service.submit(BOB, Program.of("next"), RunKind.RUN));
            RunOutcome outcome = outcome(kernel);
            assertThat(outcome.status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
            assertThat(outcome.result().errorType()).isEqualTo("TIME");
            awaitState(next, RunHandle.State.RUNNING);
            stuck.release();
            assertThat(outcome(next).status()).isEqualTo(RunResult.Status.OK);
        }

        @Test
        @DisplayName("a long host operation inside the interpreter is stopped by the wall limit")
        void longOperationLimit() throws Exception {
            RunService service = service(ONE_WORKER, new PyliteExecutor());
            Limits short_ = Limits.defaults().withWallTime(Duration.ofMillis(200));
            RunOutcome outcome = outcome(accepted(service.submit(ADA,
                    Program.of("xs = sorted(range(2 * 10**6), key=lambda v: -v)\n"), RunKind.RUN, short_)));
            assertThat(outcome.status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
            assertThat(outcome.result().errorType()).isEqualTo("TIME");
        }
    }

    @Nested
    @DisplayName("Events")
    class Events {

        @Test
        @DisplayName("subscribers receive start, output, warnings, metrics and the end in the order they happened")
        void order() throws Exception {
            ScriptedExecutor executor = new ScriptedExecutor(output -> {
                output.stdout("step 1\n");
                output.warning("UserWarning: lr is large\n");
                output.metric("loss", 1, 0.5);
                output.stderr("oops\n");
                output.metric("loss", 2, 0.25);
            }, false);
            executor.release();
            RunService service = service(ONE_WORKER, executor);
            RunHandle handle = accepted(service.submit(ADA, Program.of("go\n"), RunKind.RUN));
            Recorder recorder = new Recorder();
            handle.subscribe(recorder);
            List<RunEvent> events = recorder.awaitFinished().events();
            assertThat(events.getFirst()).isInstanceOf(RunEvent.Started.class);
            assertThat(events.subList(1, events.size() - 1)).containsExactly(
                    new RunEvent.Output(RunEvent.Stream.STDOUT, "go\nstep 1\n"),
                    new RunEvent.Warning("UserWarning: lr is large\n"),
                    new RunEvent.Metric("loss", 1, 0.5),
                    new RunEvent.Output(RunEvent.Stream.STDERR, "oops\n"),
                    new RunEvent.Metric("loss", 2, 0.25));
            assertThat(recorder.finish().status()).isEqualTo(RunResult.Status.OK);
        }

        @Test
        @DisplayName("a run's first chart point reaches the subscriber at once, without waiting for the batch tick")
        void firstMetricAtOnce() throws Exception {
            CountDownLatch startedSeen = new CountDownLatch(1);
            ScriptedExecutor executor = new ScriptedExecutor(output -> {
                try {
                    startedSeen.await(20, TimeUnit.SECONDS);
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                output.metric("loss", 1, 0.5);
            }, false);
            RunSettings slowTick = new RunSettings(1, 500, SMALL, SMALL, ONE_WORKER.memoryCapacityBytes(), true, 3,
                    Duration.ofSeconds(30), Duration.ofSeconds(1), 10_000, ONE_WORKER.fairShare());
            RunService service = service(slowTick, executor);
            RunHandle handle = accepted(service.submit(ADA, Program.of(""), RunKind.RUN));
            List<RunEvent> seen = new CopyOnWriteArrayList<>();
            handle.subscribe(batch -> {
                seen.addAll(batch);
                if (batch.getFirst() instanceof RunEvent.Started) {
                    startedSeen.countDown();
                }
            });
            // Well inside the program's 5 s wall limit, whose end would deliver everything anyway.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (!seen.contains(new RunEvent.Metric("loss", 1, 0.5)) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertThat(seen).contains(new RunEvent.Metric("loss", 1, 0.5));
            assertThat(handle.state()).isEqualTo(RunHandle.State.RUNNING);
            executor.release();
        }

        @Test
        @DisplayName("a tight print loop reaches the page in a few batches holding all its text")
        void batching() throws Exception {
            RunService service = service(ONE_WORKER, new PyliteExecutor());
            RunHandle handle = accepted(service.submit(ADA, Program.of("for i in range(20000):\n    print(i)\n"),
                    RunKind.RUN));
            Recorder recorder = new Recorder();
            handle.subscribe(recorder);
            recorder.awaitFinished();
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 20000; i++) {
                expected.append(i).append('\n');
            }
            assertThat(recorder.text(RunEvent.Stream.STDOUT)).isEqualTo(expected.toString());
            long ranMillis = recorder.finish().duration().toMillis();
            assertThat(recorder.batches.size()).isLessThanOrEqualTo((int) (ranMillis / 50) + 5);
        }

        @Test
        @DisplayName("a late subscriber gets everything it missed, the end included")
        void lateSubscriber() throws Exception {
            RunService service = service(ONE_WORKER, new PyliteExecutor());
            RunHandle handle = accepted(service.submit(ADA, Program.of("print('hi')\n1/0\n"), RunKind.RUN));
            outcome(handle);
            Recorder late = new Recorder();
            handle.subscribe(late);
            late.awaitFinished();
            assertThat(late.text(RunEvent.Stream.STDOUT)).isEqualTo("hi\n");
            assertThat(late.text(RunEvent.Stream.STDERR)).endsWith("ZeroDivisionError: division by zero\n");
            assertThat(late.finish().status()).isEqualTo(RunResult.Status.PYTHON_ERROR);
            assertThat(late.finish().errorLine()).isEqualTo(2);
        }

        @Test
        @DisplayName("past the bounded buffer a late subscriber is told how many events it cannot see")
        void boundedBuffer() throws Exception {
            ScriptedExecutor executor = new ScriptedExecutor(output -> {
                for (int step = 0; step < 100; step++) {
                    output.metric("loss", step, step);
                }
            }, false);
            executor.release();
            RunService service = service(ONE_WORKER.withEventBuffer(10), executor);
            RunHandle handle = accepted(service.submit(ADA, Program.of(""), RunKind.RUN));
            outcome(handle);
            Recorder late = new Recorder();
            handle.subscribe(late);
            List<RunEvent> events = late.awaitFinished().events();
            assertThat(events.getFirst()).isEqualTo(new RunEvent.Skipped(92));
            assertThat(events.get(1)).isEqualTo(new RunEvent.Metric("loss", 91, 91));
            assertThat(events).hasSize(11);
        }

        @Test
        @DisplayName("a slow subscriber neither holds up the program nor other subscribers")
        void slowSubscriber() throws Exception {
            RunService service = service(ONE_WORKER, new PyliteExecutor());
            RunHandle handle = accepted(service.submit(ADA, Program.of("for i in range(3):\n    print(i)\n"),
                    RunKind.RUN));
            CountDownLatch hold = new CountDownLatch(1);
            handle.subscribe(batch -> {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Recorder fast = new Recorder();
            handle.subscribe(fast);
            assertThat(outcome(handle).status()).isEqualTo(RunResult.Status.OK);
            assertThat(fast.awaitFinished().text(RunEvent.Stream.STDOUT)).isEqualTo("0\n1\n2\n");
            hold.countDown();
        }

        @Test
        @DisplayName("output past the limit is cut with a note, and the reason the run ended still shows")
        void outputCut() throws Exception {
            ScriptedExecutor flood = new ScriptedExecutor(output -> {
                for (int i = 0; i < 100; i++) {
                    output.stdout("0123456789");
                }
            }, false);
            flood.release();
            RunService service = service(ONE_WORKER.withLimits(SMALL.withMaxOutputBytes(55), SMALL), flood);
            RunHandle handle = accepted(service.submit(ADA, Program.of("x"), RunKind.RUN));
            Recorder recorder = new Recorder();
            handle.subscribe(recorder);
            recorder.awaitFinished();
            assertThat(recorder.text(RunEvent.Stream.STDOUT)).hasSize(55).startsWith("x0123456789");
            assertThat(recorder.text(RunEvent.Stream.STDERR)).contains("[output cut: the program printed more than "
                    + "55 characters; the rest is not shown]");
            assertThat(outcome(handle).outputCut()).isTrue();
        }

        @Test
        @DisplayName("a program printing past the interpreter's output limit ends with the limit named")
        void outputLimitInPylite() throws Exception {
            RunService service = service(ONE_WORKER.withLimits(SMALL.withMaxOutputBytes(1000), SMALL),
                    new PyliteExecutor());
            RunHandle handle = accepted(service.submit(ADA, Program.of("while True:\n    print('spam')\n"),
                    RunKind.RUN));
            Recorder recorder = new Recorder();
            handle.subscribe(recorder);
            recorder.awaitFinished();
            assertThat(recorder.text(RunEvent.Stream.STDOUT).length()).isLessThanOrEqualTo(1000);
            assertThat(recorder.finish().status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
            assertThat(recorder.finish().message()).startsWith("LimitError:");
        }
    }

    @Nested
    @DisplayName("The memory guard")
    class MemoryGuard {

        @Test
        @DisplayName("programs wait in the queue until their memory budget fits beside the running ones")
        void admission() throws Exception {
            ScriptedExecutor executor = ScriptedExecutor.waiting();
            long budget = SMALL.maxBytes() + dev.optimlab.runs.MemoryGuard.INTERPRETER_OVERHEAD_BYTES;
            RunService service = service(ONE_WORKER.withWorkers(8).withMemoryCapacityBytes(3 * budget), executor);
            List<RunHandle> handles = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                handles.add(accepted(service.submit(Learner.member("l" + i), Program.of("p"), RunKind.RUN)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (executor.started.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            Thread.sleep(100);
            assertThat(executor.started.get()).isEqualTo(3);
            assertThat(service.queueLength()).isEqualTo(9);
            executor.release();
            for (RunHandle handle : handles) {
                assertThat(outcome(handle).status()).isEqualTo(RunResult.Status.OK);
            }
            assertThat(executor.maxConcurrent.get()).isEqualTo(3);
            assertThat(service.reservedBytes()).isZero();
        }

        @Test
        @DisplayName("many programs allocating at once all end with a result, never an OutOfMemoryError")
        void manyAllocating() throws Exception {
            Limits budget = SMALL.withMaxBytes(32L << 20);
            long capacity = 3 * (budget.maxBytes() + dev.optimlab.runs.MemoryGuard.INTERPRETER_OVERHEAD_BYTES);
            RunService service = service(ONE_WORKER.withWorkers(6).withMemoryCapacityBytes(capacity)
                    .withLimits(budget, budget), new PyliteExecutor());
            String bomb = "xs = []\nwhile True:\n    xs.append([0] * 100000)\n";
            String modest = "xs = [0] * 100000\nprint(len(xs))\n";
            List<RunHandle> bombs = new ArrayList<>();
            List<RunHandle> modests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                bombs.add(accepted(service.submit(Learner.member("b" + i), Program.of(bomb), RunKind.RUN)));
                modests.add(accepted(service.submit(Learner.member("m" + i), Program.of(modest), RunKind.RUN)));
            }
            for (RunHandle handle : bombs) {
                RunOutcome outcome = outcome(handle);
                assertThat(outcome.status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
                assertThat(outcome.result().errorType()).isEqualTo("MEMORY");
            }
            for (RunHandle handle : modests) {
                assertThat(outcome(handle).result().stdout()).isEqualTo("100000\n");
            }
            assertThat(service.reservedBytes()).isZero();
        }
    }

    @Test
    @DisplayName("a hostile program next to normal ones does not stop them from finishing")
    void hostileNextToNormal() throws Exception {
        RunService service = service(ONE_WORKER.withWorkers(2), new PyliteExecutor());
        RunHandle hostile = accepted(service.submit(Learner.member("mallory"),
                Program.of("def f(n):\n    return f(n + 1)\nwhile True:\n    try:\n        f(0)\n    except:\n        pass\n"),
                RunKind.RUN));
        List<RunHandle> normal = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            normal.add(accepted(service.submit(Learner.member("n" + i),
                    Program.of("print(sum(range(" + (i * 1000) + ")))\n"), RunKind.RUN)));
        }
        for (int i = 0; i < 6; i++) {
            long n = i * 1000L;
            assertThat(outcome(normal.get(i)).result().stdout()).isEqualTo(n * (n - 1) / 2 + "\n");
        }
        assertThat(hostile.state()).isNotEqualTo(RunHandle.State.QUEUED);
        assertThat(outcome(hostile).status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
    }
}
