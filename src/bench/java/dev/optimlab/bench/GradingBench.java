package dev.optimlab.bench;

import dev.optimlab.course.ContentSource;
import dev.optimlab.course.CourseLoader;
import dev.optimlab.course.Exercise;
import dev.optimlab.course.ExerciseLoader;
import dev.optimlab.course.Grader;
import dev.optimlab.course.GradingService;
import dev.optimlab.course.Lang;
import dev.optimlab.course.Verdict;
import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.bridge.Storage;
import dev.optimlab.pylite.bridge.TorchBridge;
import dev.optimlab.pylite.bridge.TorchEvents;
import dev.optimlab.pylite.syntax.Parser;
import dev.optimlab.runs.Learner;
import dev.optimlab.runs.PyliteExecutor;
import dev.optimlab.runs.RunMetrics;
import dev.optimlab.runs.RunService;
import dev.optimlab.runs.RunSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Where the time of one verdict goes, piece by piece, for a typical exercise: parsing the learner's program and
 * checks.py, running an empty program (thread and interpreter set-up), running the learner's program, a whole
 * grade with the reference solution cached (program + checks), a whole grade with the reference computed, and a
 * grade through the run service's queue. One thread, nothing else running in the JVM, so wall time is CPU time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GradingBench {
    private static final Limits LIMITS = Limits.defaults().withWallTime(Duration.ofSeconds(30));

    @Param({"zero-grad-missing", "momentum-by-hand"})
    public String exercise;

    private Exercise subject;
    private final Grader grader = new Grader();
    private RunService runs;
    private GradingService grading;

    @Setup
    public void load() {
        ContentSource source = ContentSource.classpath("content");
        subject = new ExerciseLoader(source).load(new CourseLoader(source).load()).get(exercise);
        grader.grade(subject, subject.solution(), Lang.EN);
        runs = new RunService(RunSettings.defaults().withWorkers(1).withLimits(LIMITS, LIMITS), new PyliteExecutor(),
                RunMetrics.NONE);
        grading = new GradingService(runs, grader);
    }

    @TearDown
    public void close() {
        runs.close();
    }

    @Benchmark
    public Object parseProgram() {
        return Parser.parse(subject.solution());
    }

    @Benchmark
    public Object parseChecks() {
        return Parser.parse(subject.checks());
    }

    @Benchmark
    public RunResult runEmptyProgram() {
        return TorchBridge.run("pass\n", "main.py", LIMITS, RunListener.NONE, Storage.NONE, TorchEvents.NONE);
    }

    @Benchmark
    public RunResult runLearnerProgram() {
        return TorchBridge.run(subject.solution(), "main.py", LIMITS, RunListener.NONE, Storage.NONE,
                TorchEvents.NONE);
    }

    @Benchmark
    public Verdict gradeWithCachedReference() {
        return grader.grade(subject, subject.solution(), Lang.EN);
    }

    @Benchmark
    public Verdict gradeComputingReference() {
        return new Grader().grade(subject, subject.solution(), Lang.EN);
    }

    @Benchmark
    public Verdict gradeThroughRunQueue() throws Exception {
        GradingService.Queued queued = (GradingService.Queued) grading.grade(Learner.member("bench"), subject,
                subject.solution(), Lang.EN);
        return queued.verdict().get(30, TimeUnit.SECONDS);
    }
}
