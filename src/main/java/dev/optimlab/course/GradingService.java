package dev.optimlab.course;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.runtime.LimitExceeded;
import dev.optimlab.runs.Job;
import dev.optimlab.runs.Learner;
import dev.optimlab.runs.ProgramExecutor;
import dev.optimlab.runs.ProgramOutput;
import dev.optimlab.runs.RunHandle;
import dev.optimlab.runs.RunKind;
import dev.optimlab.runs.RunOutcome;
import dev.optimlab.runs.RunService;
import dev.optimlab.runs.SubmitResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Grades attempts as Submit jobs of the run service, so that grading shares the workers, the queue, the
 * per-learner rules (one Submit at a time), the memory guard and the CPU billing with every other program:
 * a class pressing Submit together is served fairly and never starts more programs than the server can
 * carry. The learner's program streams its output through the run's events while it runs. The counterpart
 * of an autograder's submission queue (Otter-Grader's or PrairieLearn's grading jobs).
 */
@Service
public class GradingService {
    /** Time beyond the programs' own wall limits for copying values and reporting. */
    private static final Duration MARGIN = Duration.ofSeconds(2);
    /** The checks' own wall limit in the grader. */
    private static final Duration CHECKS_WALL = Duration.ofSeconds(5);

    private final RunService runs;
    private final Grader grader;

    @Autowired
    public GradingService(RunService runs) {
        this(runs, new Grader());
    }

    public GradingService(RunService runs, Grader grader) {
        this.runs = runs;
        this.grader = grader;
    }

    /** The answer to a graded attempt: queued with its run and verdict to come, or refused with a retry hint. */
    public sealed interface Grading {
    }

    /**
     * The attempt waits for a worker or is being graded.
     *
     * @param run the Submit run: queue position, events of the learner's program, the end
     * @param verdict completes with the verdict; a grade the server had to stop is not gradable and never
     *                counts against the learner
     */
    public record Queued(RunHandle run, CompletableFuture<Verdict> verdict) implements Grading {
    }

    /**
     * The attempt was not queued.
     *
     * @param retryAfter when trying again may succeed, or null when waiting will not help
     */
    public record Refused(SubmitResult.Reason reason, String message, Duration retryAfter) implements Grading {
    }

    /** Queues the grading of {@code code} against {@code exercise} as the learner's Submit. */
    public Grading grade(Learner learner, Exercise exercise, String code, Lang lang) {
        Limits submitLimits = runs.settings().submitLimits();
        Limits programLimits = exercise.memoryBytes() > 0 ? submitLimits.withMaxBytes(exercise.memoryBytes())
                : submitLimits;
        // The learner's values live on as copies while the checks run under their own, smaller budget.
        Limits jobLimits = programLimits.withWallTime(exercise.wallTime().multipliedBy(2).plus(CHECKS_WALL)
                .plus(MARGIN)).withMaxBytes(programLimits.maxBytes() + Grader.CHECKS_BYTES);
        AtomicReference<Verdict> delivered = new AtomicReference<>();
        GradeTimeline timeline = GradeTimeline.current();
        // The queue's pause gate reaches the learner's program, the reference solution and the checks alike; a
        // smaller budget the queue books (for a learner whose programs hit their memory limit) is shared alike.
        Job job = (limits, output) -> start(exercise, code, lang, programLimits.withGate(limits.gate())
                .withMaxBytes(shareOf(programLimits.maxBytes(), limits.maxBytes(), jobLimits.maxBytes())), output,
                delivered, timeline);
        // Stamped before the hand-over: an idle worker may start the job before submit returns.
        mark(timeline, GradeTimeline.Stage.QUEUED);
        SubmitResult submitted = runs.submit(learner, job, RunKind.SUBMIT, jobLimits);
        if (submitted instanceof SubmitResult.Rejected rejected) {
            return new Refused(rejected.reason(), rejected.message(), rejected.retryAfter());
        }
        RunHandle run = ((SubmitResult.Accepted) submitted).handle();
        CompletableFuture<Verdict> verdict = run.outcome().thenApply(outcome -> delivered.get() != null
                ? delivered.get() : stopped(outcome, lang));
        return new Queued(run, verdict);
    }

    private ProgramExecutor.Execution start(Exercise exercise, String code, Lang lang, Limits programLimits, ProgramOutput output,
                                AtomicReference<Verdict> delivered, GradeTimeline timeline) {
        mark(timeline, GradeTimeline.Stage.STARTED);
        LongAdder cpu = new LongAdder();
        AtomicReference<LimitExceeded.Kind> learnerLimit = new AtomicReference<>();
        Grader.Environment env = new Grader.Environment(programLimits, new RunListener() {
            @Override
            public void stdout(String chunk) {
                output.stdout(chunk);
            }

            @Override
            public void stderr(String chunk) {
                output.stderr(chunk);
            }

            @Override
            public void finished(RunResult result) {
                mark(timeline, GradeTimeline.Stage.PROGRAM_ENDED);
                learnerLimit.set(result.limit());
            }
        }, cpu::add);
        Thread.ofPlatform().name("grading").daemon().start(() -> {
            long started = System.nanoTime();
            Verdict verdict = grader.grade(exercise, code, lang, env);
            mark(timeline, GradeTimeline.Stage.CHECKS_DONE);
            delivered.set(verdict);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            if (threads.isCurrentThreadCpuTimeSupported()) {
                cpu.add(threads.getCurrentThreadCpuTime());
            }
            output.cpuTime(Duration.ofNanos(cpu.sum()));
            if (learnerLimit.get() != null) {
                // The verdict is the job's result; the queue bills the learner by the limit their program hit.
                output.endedOnLimit(learnerLimit.get());
            }
            output.finished(new RunResult(RunResult.Status.OK, verdict.output(), "", null, 0,
                    Duration.ofNanos(System.nanoTime() - started), 0));
        });
        // The grader's programs end by their own wall limits; a grade cut short by the service is not counted.
        return () -> { };
    }

    /** The learner program's part of a job budget the queue may have cut: the same fraction as it asked. */
    static long shareOf(long programBytes, long bookedBytes, long askedBytes) {
        return bookedBytes >= askedBytes ? programBytes : (long) ((double) programBytes * bookedBytes / askedBytes);
    }

    private static void mark(GradeTimeline timeline, GradeTimeline.Stage stage) {
        if (timeline != null) {
            timeline.mark(stage);
        }
    }

    private static Verdict stopped(RunOutcome outcome, Lang lang) {
        String reason = outcome.result().stderr().strip();
        String message = lang == Lang.ZH
                ? "服务器未能完成这次评分（" + reason + "）。本次提交不计入成绩；请稍后再试。"
                : "The server could not finish grading this attempt (" + reason + "). It does not count; please "
                        + "try again in a moment.";
        return new Verdict(false, 0, 0, 0, message, List.of(), "", outcome.result().duration().toMillis());
    }
}
