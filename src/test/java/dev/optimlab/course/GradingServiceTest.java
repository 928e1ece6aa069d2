package dev.optimlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.runtime.LimitExceeded;
import dev.optimlab.runs.Learner;
import dev.optimlab.runs.Program;
import dev.optimlab.runs.PyliteExecutor;
import dev.optimlab.runs.RunEvent;
import dev.optimlab.runs.RunHandle;
import dev.optimlab.runs.RunKind;
import dev.optimlab.runs.RunMetrics;
import dev.optimlab.runs.RunService;
import dev.optimlab.runs.RunSettings;
import dev.optimlab.runs.SubmitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
@DisplayName("Grading through the run queue")
class GradingServiceTest {
    private static final Limits LIMITS = Limits.defaults().withWallTime(Duration.ofSeconds(5)).withMaxBytes(16L << 20);
    private static final Learner ADA = Learner.member("ada");
    private static final String SOLUTION = "x = 6 * 7\nprint('x is', x)\n";
    private static final String CHECKS = """
            from optimlab_checks import check, ns
            check('answer', ns.get('x') == 42, feedback={'en': 'x should be 42', 'zh': 'x 应为 42'})
            """;
    private static final Exercise EXERCISE = new Exercise("grading-service-test", "01-training-loop",
            Exercise.Kind.FIX_BUG, 1, new LocalizedText("t", "题"), new LocalizedText("t", "题"),
            List.of(new LocalizedText("h", "提示"), new LocalizedText("h", "提示")), List.of(), 3, Duration.ofSeconds(2), 0,
            "x = 0\n", SOLUTION, CHECKS, "grading-service-test-1");

    private final List<RunService> services = new ArrayList<>();

    private RunService runs(RunSettings settings) {
        RunService service = new RunService(settings, new PyliteExecutor(), RunMetrics.NONE);
        services.add(service);
        return service;
    }

    private final RunService runs = runs(RunSettings.defaults().withWorkers(1).withLimits(LIMITS, LIMITS));
    private final GradingService grading = new GradingService(runs);

    @AfterEach
    void close() {
        services.forEach(RunService::close);
    }

    private static GradingService.Queued queued(GradingService.Grading grading) {
        assertThat(grading).isInstanceOf(GradingService.Queued.class);
        return (GradingService.Queued) grading;
    }

    private static Verdict verdict(GradingService.Queued queued) throws Exception {
        return queued.verdict().get(30, TimeUnit.SECONDS);
    }

    @Nested
    @DisplayName("a graded attempt")
    class Attempt {

        @Test
        @DisplayName("of a memory bomb tells the queue the memory limit stopped it: the learner turns heavy, their next "
                + "attempt books a quarter of the budget, and a right answer still gets full marks under it")
        void memoryBomb() throws Exception {
            GradingService.Queued bomb = queued(grading.grade(ADA, EXERCISE,
                    "xs = []\nwhile True:\n    xs.append([0.5] * 100000)\n", Lang.EN));
            assertThat(verdict(bomb).score()).isZero();
            assertThat(bomb.run().outcome().get(30, TimeUnit.SECONDS).limit()).isEqualTo(LimitExceeded.Kind.MEMORY);
            assertThat(runs.recentCpu(ADA)).isGreaterThan(runs.settings().fairShare().lightCpu());
            GradingService.Queued next = queued(grading.grade(ADA, EXERCISE, SOLUTION, Lang.EN));
            assertThat(verdict(next).score()).isEqualTo(1.0);
            assertThat(next.run().outcome().get(30, TimeUnit.SECONDS).limit()).isNull();
            assertThat(next.run().limits().maxBytes()).isEqualTo(bomb.run().limits().maxBytes() / 4);
        }

        @Test
        @DisplayName("gets the grader's verdict: full marks for a right answer, none for a wrong one")
        void verdicts() throws Exception {
            Verdict right = verdict(queued(grading.grade(ADA, EXERCISE, SOLUTION, Lang.EN)));
            assertThat(right.gradable()).isTrue();
            assertThat(right.score()).isEqualTo(1.0);
            assertThat(right.output()).isEqualTo("x is 42\n");
            Verdict wrong = verdict(queued(grading.grade(ADA, EXERCISE, "x = 41\n", Lang.ZH)));
            assertThat(wrong.score()).isZero();
            assertThat(wrong.checks()).extracting(Verdict.Check::feedback).containsExactly("x 应为 42");
        }

        @Test
        @DisplayName("runs as the learner's Submit, streaming what the learner's program prints")
        void runsAsSubmit() throws Exception {
            GradingService.Queued queued = queued(grading.grade(ADA, EXERCISE, SOLUTION, Lang.EN));
            assertThat(queued.run().kind()).isEqualTo(RunKind.SUBMIT);
            List<RunEvent> events = new ArrayList<>();
            queued.run().subscribe(batch -> {
                synchronized (events) {
                    events.addAll(batch);
                }
            });
            verdict(queued);
            queued.run().outcome().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                synchronized (events) {
                    if (!events.isEmpty() && events.getLast() instanceof RunEvent.Finished) {
                        break;
                    }
                }
                Thread.sleep(5);
            }
            synchronized (events) {
                assertThat(events.getFirst()).isInstanceOf(RunEvent.Started.class);
                assertThat(events).contains(new RunEvent.Output(RunEvent.Stream.STDOUT, "x is 42\n"));
                assertThat(events.getLast()).isInstanceOf(RunEvent.Finished.class);
            }
        }

        @Test
        @DisplayName("bills the CPU of the learner's program, the checks and the reference run to the learner")
        void billsCpu() throws Exception {
            verdict(queued(grading.grade(ADA, EXERCISE, SOLUTION, Lang.EN)));
            assertThat(runs.recentCpu(ADA)).isPositive();
        }

        @Test
        @DisplayName("waits for a worker like any program, and is graded once one is free")
        void waitsForWorker() throws Exception {
            RunHandle loop = ((SubmitResult.Accepted) runs.submit(Learner.member("bob"),
                    Program.of("while True:\n    pass\n"), RunKind.RUN)).handle();
            while (loop.state() != RunHandle.State.RUNNING) {
                Thread.sleep(2);
            }
            GradingService.Queued queued = queued(grading.grade(ADA, EXERCISE, SOLUTION, Lang.EN));
            Thread.sleep(100);
            assertThat(queued.run().state()).isEqualTo(RunHandle.State.QUEUED);
            assertThat(queued.verdict()).isNotDone();
            loop.cancel();
            assertThat(verdict(queued).score()).isEqualTo(1.0);
        }
    }

    @Nested
    @DisplayName("a Submit's memory budget")
    class MemoryBudget {
        static final String BIG_LIST = "xs = [0.5] * 3000000\nx = 42\n";

        @Test
        @DisplayName("is the server's Submit budget when the exercise asks for none, and a program over it is stopped")
        void serverBudget() throws Exception {
            Verdict verdict = verdict(queued(grading.grade(ADA, EXERCISE, BIG_LIST, Lang.EN)));
            assertThat(verdict.score()).isZero();
            assertThat(verdict.message()).contains("stopped by a limit (MEMORY)");
            assertThat(verdict.output()).contains("16 MiB memory limit");
        }

        @Test
        @DisplayName("is the exercise's memory_mb when it asks for more")
        void exerciseBudget() throws Exception {
            Exercise roomy = new Exercise(EXERCISE.id(), EXERCISE.chapterFolder(), EXERCISE.kind(), EXERCISE.points(),
                    EXERCISE.title(), EXERCISE.instructions(), EXERCISE.hints(), EXERCISE.choices(),
                    EXERCISE.revealSolutionAfter(), EXERCISE.wallTime(), 64L << 20, EXERCISE.starter(),
                    EXERCISE.solution(), EXERCISE.checks(), EXERCISE.contentHash() + "-roomy");
            assertThat(verdict(queued(grading.grade(ADA, roomy, BIG_LIST, Lang.EN))).score()).isEqualTo(1.0);
        }
    }

    @Nested
    @DisplayName("a busy server")
    class Busy {

        @Test
        @DisplayName("refuses a second attempt while the first is being graded, saying when to try again")
        void onePending() throws Exception {
            GradingService.Queued first = queued(grading.grade(ADA, EXERCISE, "x = 42\ny = sum(range(300000))\n",
                    Lang.EN));
            GradingService.Grading second = grading.grade(ADA, EXERCISE, SOLUTION, Lang.EN);
            assertThat(second).isEqualTo(new GradingService.Refused(SubmitResult.Reason.SUBMISSION_PENDING,
                    "your previous submission is still being graded", Duration.ofSeconds(2)));
            verdict(first);
        }

        @Test
        @DisplayName("refuses attempts beyond the queue's capacity as busy, with a retry hint")
        void queueFull() throws Exception {
            RunService small = runs(RunSettings.defaults().withWorkers(1).withQueueCapacity(1)
                    .withLimits(LIMITS, LIMITS));
            RunHandle loop = ((SubmitResult.Accepted) small.submit(Learner.member("bob"),
                    Program.of("while True:\n    pass\n"), RunKind.RUN)).handle();
            while (loop.state() != RunHandle.State.RUNNING) {
                Thread.sleep(2);
            }
            small.submit(Learner.member("cy"), Program.of("pass\n"), RunKind.RUN);
            GradingService.Grading refused = new GradingService(small).grade(ADA, EXERCISE, SOLUTION, Lang.EN);
            assertThat(refused).isInstanceOf(GradingService.Refused.class);
            GradingService.Refused busy = (GradingService.Refused) refused;
            assertThat(busy.reason()).isEqualTo(SubmitResult.Reason.SERVER_BUSY);
            assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(5));
            loop.cancel();
        }

        @Test
        @DisplayName("an attempt the server stops before grading it gets a verdict that does not count")
        void stoppedIsNotGradable() throws Exception {
            RunHandle loop = ((SubmitResult.Accepted) runs.submit(Learner.member("bob"),
                    Program.of("while True:\n    pass\n"), RunKind.RUN)).handle();
            while (loop.state() != RunHandle.State.RUNNING) {
                Thread.sleep(2);
            }
            GradingService.Queued queued = queued(grading.grade(ADA, EXERCISE, SOLUTION, Lang.EN));
            runs.close();
            Verdict verdict = verdict(queued);
            assertThat(verdict.gradable()).isFalse();
            assertThat(verdict.message()).contains("could not finish grading").contains("shutting down");
        }
    }
}
