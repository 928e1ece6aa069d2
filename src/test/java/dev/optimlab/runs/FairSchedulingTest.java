package dev.optimlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.runtime.LimitExceeded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
@DisplayName("Scheduling by CPU")
class FairSchedulingTest {
    /** A long half-life, so that usage does not decay noticeably while a test runs. */
    static final FairShare SHARE = new FairShare(Duration.ofMillis(50), Duration.ofHours(1), Duration.ofSeconds(2), 1);
    static final RunSettings SETTINGS = RunServiceTest.ONE_WORKER.withFairShare(SHARE);

    private final List<RunService> services = new ArrayList<>();
    private final BilledExecutor executor = new BilledExecutor();

    RunService service(RunSettings settings) {
        RunService service = new RunService(settings, executor, RunMetrics.NONE);
        services.add(service);
        return service;
    }

    @AfterEach
    void closeServices() {
        executor.releaseAll();
        services.forEach(RunService::close);
    }

    /**
     * Programs written as {@code "label cpu=MILLIS"}, optionally followed by {@code hold} or {@code memory}: each
     * records when it starts and the limits it got, reports MILLIS of CPU when it ends, with {@code hold} waits
     * until the test releases its label, and with {@code memory} ends as stopped by its memory limit.
     */
    static final class BilledExecutor implements ProgramExecutor {
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Limits> limitsOf = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

        void release(String label) {
            hold(label).countDown();
        }

        void releaseAll() {
            holds.values().forEach(CountDownLatch::countDown);
        }

        private CountDownLatch hold(String label) {
            return holds.computeIfAbsent(label, l -> new CountDownLatch(1));
        }

        @Override
        public Execution start(Program program, Limits limits, ProgramOutput output) {
            String[] words = program.source().split(" ");
            String label = words[0];
            long cpuMillis = Long.parseLong(words[1].substring("cpu=".length()));
            boolean holds = words.length > 2 && words[2].equals("hold");
            boolean memoryBomb = words.length > 2 && words[2].equals("memory");
            CountDownLatch cancelled = new CountDownLatch(1);
            limitsOf.put(label, limits);
            started.add(label);
            Thread.ofPlatform().daemon().start(() -> {
                RunResult.Status status = RunResult.Status.OK;
                try {
                    while (holds && hold(label).getCount() > 0) {
                        if (cancelled.await(5, TimeUnit.MILLISECONDS)) {
                            status = RunResult.Status.CANCELLED;
                            break;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                output.cpuTime(Duration.ofMillis(cpuMillis));
                output.finished(memoryBomb
                        ? new RunResult(RunResult.Status.LIMIT_EXCEEDED, "", "LimitError: memory\n", "MEMORY", 2,
                                Duration.ofMillis(1), 1)
                        : new RunResult(status, label, "", null, 0, Duration.ofMillis(1), 1));
            });
            return cancelled::countDown;
        }
    }

    static RunHandle submit(RunService service, String learner, String program) {
        return RunServiceTest.accepted(service.submit(Learner.member(learner), Program.of(program), RunKind.SUBMIT));
    }

    /** Runs one program that bills its learner {@code millis} of CPU, and waits until it has been billed. */
    static void burn(RunService service, String learner, long millis) throws Exception {
        RunServiceTest.outcome(submit(service, learner, learner + "-burn cpu=" + millis));
    }

    @Test
    @DisplayName("each program's CPU is billed to its learner as recent usage")
    void billing() throws Exception {
        RunService service = service(SETTINGS);
        burn(service, "ada", 300);
        burn(service, "ada", 200);
        assertThat(service.recentCpu(Learner.member("ada"))).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
        assertThat(service.recentCpu(Learner.member("cy"))).isZero();
    }

    @Test
    @DisplayName("a program that held its worker longer than the CPU it used is billed the time it held it")
    void billedAsHeld() throws Exception {
        RunService service = service(SETTINGS);
        RunHandle waiting = submit(service, "bob", "bob cpu=1 hold");
        RunServiceTest.awaitState(waiting, RunHandle.State.RUNNING);
        Thread.sleep(300);
        executor.release("bob");
        RunServiceTest.outcome(waiting);
        assertThat(service.recentCpu(Learner.member("bob"))).isGreaterThanOrEqualTo(Duration.ofMillis(299));
    }

    @Test
    @DisplayName("a program that never reports its CPU is billed the time it held its worker")
    void billedByWallTimeWithoutReport() throws Exception {
        Limits short_ = RunServiceTest.SMALL.withWallTime(Duration.ofMillis(300));
        ScriptedExecutor stuck = new ScriptedExecutor(output -> { }, true);
        RunService stuckService = new RunService(SETTINGS.withLimits(short_, short_), stuck, RunMetrics.NONE);
        services.add(stuckService);
        RunOutcome outcome = RunServiceTest.outcome(RunServiceTest.accepted(stuckService.submit(
                Learner.member("mallory"), Program.of("k"), RunKind.SUBMIT)));
        assertThat(outcome.result().errorType()).isEqualTo("TIME");
        assertThat(stuckService.recentCpu(Learner.member("mallory")))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        stuck.release();
    }

    @Test
    @DisplayName("an interpreted busy loop is billed at least its running time, and no more than the grace beyond it")
    void pyliteBilling() throws Exception {
        Limits short_ = RunServiceTest.SMALL.withWallTime(Duration.ofMillis(300));
        RunService pylite = new RunService(SETTINGS.withLimits(short_, short_), new PyliteExecutor(), RunMetrics.NONE);
        services.add(pylite);
        RunOutcome loop = RunServiceTest.outcome(RunServiceTest.accepted(pylite.submit(Learner.member("ada"),
                Program.of("while True:\n    pass\n"), RunKind.SUBMIT)));
        assertThat(loop.result().errorType()).isEqualTo("TIME");
        assertThat(pylite.recentCpu(Learner.member("ada"))).isGreaterThanOrEqualTo(loop.result().duration().minusMillis(1))
                .isLessThanOrEqualTo(loop.result().duration().plus(pylite.settings().cancelGrace()));
    }

    @Nested
    @DisplayName("a program stopped by its memory limit")
    class MemoryLimit {
        final RunService service = service(SETTINGS);

        @Test
        @DisplayName("makes its learner heavy however little CPU it used, while an honest learner who used as much stays light")
        void billedAsHeavy() throws Exception {
            RunOutcome bomb = RunServiceTest.outcome(submit(service, "mallory", "bomb cpu=5 memory"));
            RunOutcome honest = RunServiceTest.outcome(submit(service, "ada", "honest cpu=5"));
            assertThat(bomb.limit()).isEqualTo(LimitExceeded.Kind.MEMORY);
            assertThat(honest.limit()).isNull();
            assertThat(service.recentCpu(Learner.member("mallory")))
                    .isGreaterThan(SHARE.lightCpu())
                    .isGreaterThanOrEqualTo(SHARE.lightCpu().multipliedBy(2).minusMillis(1));
            assertThat(service.recentCpu(Learner.member("ada"))).isLessThan(Duration.ofMillis(6));
        }

        @Test
        @DisplayName("counts the same when a job reports it for the program it ran, as a graded attempt does")
        void reportedByJob() throws Exception {
            Job attempt = (limits, output) -> {
                Thread.ofPlatform().daemon().start(() -> {
                    output.cpuTime(Duration.ofMillis(3));
                    output.endedOnLimit(LimitExceeded.Kind.MEMORY);
                    output.finished(new RunResult(RunResult.Status.OK, "verdict", "", null, 0, Duration.ofMillis(3), 0));
                });
                return () -> { };
            };
            RunOutcome outcome = RunServiceTest.outcome(RunServiceTest.accepted(
                    service.submit(Learner.member("mallory"), attempt, RunKind.SUBMIT, null)));
            assertThat(outcome.status()).isEqualTo(RunResult.Status.OK);
            assertThat(outcome.limit()).isEqualTo(LimitExceeded.Kind.MEMORY);
            assertThat(service.recentCpu(Learner.member("mallory"))).isGreaterThan(SHARE.lightCpu());
        }

        @Test
        @DisplayName("gives its learner's next programs a quarter of the memory budget, and nobody else's")
        void quarterBudgetAfterwards() throws Exception {
            RunServiceTest.outcome(submit(service, "mallory", "bomb cpu=5 memory"));
            RunServiceTest.outcome(submit(service, "mallory", "next cpu=1"));
            RunServiceTest.outcome(submit(service, "ada", "honest cpu=1"));
            long budget = RunServiceTest.SMALL.maxBytes();
            assertThat(executor.limitsOf.get("bomb").maxBytes()).isEqualTo(budget);
            assertThat(executor.limitsOf.get("next").maxBytes()).isEqualTo(budget / 4);
            assertThat(executor.limitsOf.get("honest").maxBytes()).isEqualTo(budget);
        }
    }

    @Nested
    @DisplayName("with one worker")
    class OneWorker {
        final RunService service = service(SETTINGS);

        @Test
        @DisplayName("a learner whose programs burned their limits waits behind learners who used little")
        void heavyWaitsBehindLight() throws Exception {
            burn(service, "hog", 5_000);
            burn(service, "ada", 20);
            RunHandle gate = submit(service, "gate", "gate cpu=0 hold");
            RunServiceTest.awaitState(gate, RunHandle.State.RUNNING);
            RunHandle hog = submit(service, "hog", "hog cpu=5000");
            List<RunHandle> light = List.of(submit(service, "ada", "ada cpu=20"), submit(service, "bob", "bob cpu=1"),
                    submit(service, "cy", "cy cpu=30"));
            assertThat(hog.currentQueuePosition()).as("the hog is told the light learners go first").isEqualTo(3);
            assertThat(light).extracting(RunHandle::queuePosition).containsExactly(0, 1, 2);
            executor.release("gate");
            RunServiceTest.outcome(hog);
            assertThat(executor.started.subList(3, executor.started.size()))
                    .containsExactly("ada", "bob", "cy", "hog");
        }

        @Test
        @DisplayName("a learner in debt still gets the worker while light learners keep arriving")
        void noStarvation() throws Exception {
            burn(service, "hog", 500);
            RunHandle gate = submit(service, "gate", "gate cpu=0 hold");
            RunServiceTest.awaitState(gate, RunHandle.State.RUNNING);
            RunHandle hog = submit(service, "hog", "hog cpu=500");
            RunHandle light = submit(service, "light0", "light0 cpu=1 hold");
            executor.release("gate");
            // Whenever the worker frees, the hog and exactly one newly arrived light learner are waiting.
            for (int lights = 1; lights < 100; lights++) {
                while (hog.state() == RunHandle.State.QUEUED && light.state() == RunHandle.State.QUEUED) {
                    Thread.sleep(1);
                }
                if (hog.state() != RunHandle.State.QUEUED) {
                    break;
                }
                RunHandle next = submit(service, "light" + lights, "light" + lights + " cpu=1 hold");
                executor.release("light" + (lights - 1));
                light = next;
            }
            executor.releaseAll();
            assertThat(RunServiceTest.outcome(hog).status()).isEqualTo(RunResult.Status.OK);
            List<String> order = List.copyOf(executor.started);
            int hogAt = order.indexOf("hog");
            assertThat(hogAt - order.indexOf("light0"))
                    .as("a 500 ms debt is worth 10 quanta: about ten light programs start first, never all of them")
                    .isBetween(5, 15);
        }
    }

    @Nested
    @DisplayName("with a worker reserved for light learners")
    class Reserved {
        final RunService service = service(SETTINGS.withWorkers(2));

        @Test
        @DisplayName("heavy learners' endless loops hold only the unreserved worker, and light learners still run")
        void endlessLoopsCannotHoldTheClass() throws Exception {
            for (String hog : List.of("hog1", "hog2", "hog3")) {
                burn(service, hog, 5_000);
            }
            RunHandle first = submit(service, "hog1", "loop1 cpu=5000 hold");
            RunServiceTest.awaitState(first, RunHandle.State.RUNNING);
            RunHandle second = submit(service, "hog2", "loop2 cpu=5000 hold");
            RunHandle third = submit(service, "hog3", "loop3 cpu=5000 hold");
            for (int i = 0; i < 5; i++) {
                RunOutcome light = RunServiceTest.outcome(submit(service, "light" + i, "light" + i + " cpu=10"));
                assertThat(light.status()).isEqualTo(RunResult.Status.OK);
            }
            assertThat(second.state()).isEqualTo(RunHandle.State.QUEUED);
            assertThat(third.state()).isEqualTo(RunHandle.State.QUEUED);
            executor.release("loop1");
            RunServiceTest.awaitState(second, RunHandle.State.RUNNING);
            assertThat(third.state()).isEqualTo(RunHandle.State.QUEUED);
            executor.release("loop2");
            executor.release("loop3");
            assertThat(RunServiceTest.outcome(third).status()).isEqualTo(RunResult.Status.OK);
        }

        @Test
        @DisplayName("a learner whose program hit its memory limit waits for the unreserved worker like a busy loop")
        void memoryBomberLeavesTheReservedWorker() throws Exception {
            burn(service, "hog", 5_000);
            RunServiceTest.outcome(submit(service, "mallory", "bomb cpu=2 memory"));
            RunHandle loop = submit(service, "hog", "loop cpu=5000 hold");
            RunServiceTest.awaitState(loop, RunHandle.State.RUNNING);
            RunHandle again = submit(service, "mallory", "again cpu=2");
            RunOutcome light = RunServiceTest.outcome(submit(service, "ada", "ada cpu=2"));
            assertThat(light.status()).isEqualTo(RunResult.Status.OK);
            assertThat(again.state()).as("the reserved worker is free, but only for light learners")
                    .isEqualTo(RunHandle.State.QUEUED);
            executor.release("loop");
            assertThat(RunServiceTest.outcome(again).status()).isEqualTo(RunResult.Status.OK);
        }

        @Test
        @DisplayName("light learners use both workers")
        void lightUseEverything() throws Exception {
            RunHandle a = submit(service, "ada", "a cpu=1 hold");
            RunHandle b = submit(service, "bob", "b cpu=1 hold");
            RunServiceTest.awaitState(a, RunHandle.State.RUNNING);
            RunServiceTest.awaitState(b, RunHandle.State.RUNNING);
        }

        @Test
        @DisplayName("with a single worker nothing is reserved, so heavy learners are never shut out")
        void singleWorkerIsShared() throws Exception {
            RunService single = service(SETTINGS);
            assertThat(single.settings().reservedWorkers()).isZero();
            burn(single, "hog", 5_000);
            assertThat(RunServiceTest.outcome(submit(single, "hog", "again cpu=1")).status())
                    .isEqualTo(RunResult.Status.OK);
        }
    }

    @Test
    @DisplayName("refusals say when trying again may help")
    void retryHints() {
        assertThat(SubmitResult.Reason.SERVER_BUSY.rejected().retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(SubmitResult.Reason.SUBMISSION_PENDING.rejected().retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(SubmitResult.Reason.GUESTS_DISABLED.rejected().retryAfter()).isNull();
    }
}
