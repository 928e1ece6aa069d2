package dev.optimlab.bench;

import dev.optimlab.course.ContentSource;
import dev.optimlab.course.CourseLoader;
import dev.optimlab.course.Exercise;
import dev.optimlab.course.ExerciseLoader;
import dev.optimlab.course.Grader;
import dev.optimlab.course.GradingService;
import dev.optimlab.course.Lang;
import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.syntax.Parser;
import dev.optimlab.runs.Learner;
import dev.optimlab.runs.PyliteExecutor;
import dev.optimlab.runs.RunKind;
import dev.optimlab.runs.RunMetrics;
import dev.optimlab.runs.RunService;
import dev.optimlab.runs.RunSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CPU time of one verdict split into its parts, measured as thread CPU time (what JMH's wall clock cannot
 * separate from other processes on a loaded machine): parsing the program and checks.py, the learner's run
 * (parse, evaluation, copying its values), the reference solution's run (once per exercise version), the checks'
 * run, the grading thread itself, and the whole Submit job through the run queue as billed to the learner.
 * {@code tools/load-benchmark.sh}'s classpath runs it: see docs/benchmarks.md.
 */
public final class GradingCpuProfile {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final AtomicLong LAST_BILLED = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ContentSource source = ContentSource.classpath("content");
        Map<String, Exercise> exercises = new ExerciseLoader(source).load(new CourseLoader(source).load());
        RunService runs = new RunService(RunSettings.defaults().withWorkers(1), new PyliteExecutor(), new RunMetrics() {
            @Override
            public void cpu(RunKind kind, Duration used) {
                LAST_BILLED.set(used.toNanos());
            }
        });
        System.out.println("ms of CPU per verdict (mean of the last " + rounds / 2 + " of " + rounds + " rounds, the "
                + "right answer):");
        System.out.println("exercise | parse program | parse checks | learner run | reference run (once) | checks "
                + "run | grading thread | whole grade | billed through the queue");
        for (Exercise exercise : exercises.values()) {
            profile(exercise, rounds, runs);
        }
        runs.close();
    }

    private static void profile(Exercise exercise, int rounds, RunService runs) throws Exception {
        double parseProgram = 0;
        double parseChecks = 0;
        double learner = 0;
        double checks = 0;
        double own = 0;
        double whole = 0;
        double billed = 0;
        double reference = 0;
        int measured = 0;
        GradingService queued = new GradingService(runs, new Grader());
        for (int round = 0; round < rounds; round++) {
            boolean measure = round >= rounds / 2;
            long t0 = THREADS.getCurrentThreadCpuTime();
            Parser.parse(exercise.solution());
            long t1 = THREADS.getCurrentThreadCpuTime();
            Parser.parse(exercise.checks());
            long t2 = THREADS.getCurrentThreadCpuTime();
            // A fresh grader runs the reference too: the order of runs is learner, reference (if asked), checks.
            Grader grader = new Grader();
            List<Long> runCpu = new ArrayList<>();
            Grader.Environment env = new Grader.Environment(Limits.defaults(), RunListener.NONE, nanos -> {
                synchronized (runCpu) {
                    runCpu.add(nanos);
                }
            });
            grader.grade(exercise, exercise.solution(), Lang.EN, env);
            List<Long> cached = new ArrayList<>();
            long t3 = THREADS.getCurrentThreadCpuTime();
            grader.grade(exercise, exercise.solution(), Lang.EN, new Grader.Environment(Limits.defaults(),
                    RunListener.NONE, nanos -> {
                        synchronized (cached) {
                            cached.add(nanos);
                        }
                    }));
            long t4 = THREADS.getCurrentThreadCpuTime();
            GradingService.Queued job = (GradingService.Queued) queued.grade(Learner.member("profile"), exercise,
                    exercise.solution(), Lang.EN);
            job.verdict().get(30, TimeUnit.SECONDS);
            if (measure) {
                measured++;
                parseProgram += t1 - t0;
                parseChecks += t2 - t1;
                learner += cached.getFirst();
                checks += cached.getLast();
                own += t4 - t3;
                whole += cached.stream().mapToLong(Long::longValue).sum() + (t4 - t3);
                reference += runCpu.size() == 3 ? runCpu.get(1) : 0;
                billed += LAST_BILLED.get();
            }
        }
        double n = measured * 1e6;
        System.out.printf(Locale.ROOT, "%s | %.2f | %.2f | %.2f | %s | %.2f | %.2f | %.2f | %.2f%n",
                exercise.id(), parseProgram / n, parseChecks / n, learner / n,
                reference == 0 ? "not used" : String.format(Locale.ROOT, "%.2f", reference / n), checks / n, own / n,
                whole / n, billed / n);
    }
}
