package dev.optimlab.load;

import dev.optimlab.course.ContentSource;
import dev.optimlab.course.CourseLoader;
import dev.optimlab.course.Exercise;
import dev.optimlab.course.ExerciseLoader;
import dev.optimlab.course.GradingService;
import dev.optimlab.course.Lang;
import dev.optimlab.course.Verdict;
import dev.optimlab.runs.FairShare;
import dev.optimlab.runs.Learner;
import dev.optimlab.runs.PyliteExecutor;
import dev.optimlab.runs.RunMetrics;
import dev.optimlab.runs.RunService;
import dev.optimlab.runs.RunSettings;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The classroom load of {@link LoadBenchmark} without HTTP and the database: learners submit typical
 * exercises (right and wrong answers) straight to {@link GradingService}, each waiting for its verdict, while
 * hostile learners may submit busy loops and memory bombs. It measures what the run queue and the grader do
 * under that load in the JVM it runs in (start it with {@code -Xmx1g}), and with {@code --baseline} the same
 * load served in arrival order with no worker reserved, and with {@code --no-slices} the fair share without
 * time slicing (a slice longer than any program), for comparison. Run by
 * {@code tools/load-benchmark.sh --in-process}.
 */
public final class QueueLoadBenchmark {
    private static final String BUSY_LOOP = "while True:\n    pass\n";
    private static final String MEMORY_BOMB = "xs = []\nwhile True:\n    xs.append([0.5] * 100000)\n";

    private record Task(Exercise exercise, String right, String wrong) {
    }

    private record Answer(long sentNanos, long latencyNanos, boolean verdict, String detail) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--baseline") || args[i].equals("--no-slices")) {
                given.put(args[i].substring(2), "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                given.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "; options: --learners N "
                        + "--submissions N --seconds S --hostile N --warmup N --memory-mb MB --slice-ms MS --baseline --no-slices");
            }
        }
        int learners = Integer.parseInt(given.getOrDefault("learners", "120"));
        int submissions = Integer.parseInt(given.getOrDefault("submissions", "600"));
        long windowNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(given.getOrDefault("seconds", "60")));
        int hostileCount = Integer.parseInt(given.getOrDefault("hostile", "0"));
        int warmup = Integer.parseInt(given.getOrDefault("warmup", "10"));
        boolean baseline = given.containsKey("baseline");

        ContentSource source = ContentSource.classpath("content");
        List<Task> tasks = new ExerciseLoader(source).load(new CourseLoader(source).load()).values().stream()
                .map(e -> new Task(e, e.solution(), e.starter())).toList();
        RunSettings settings = RunSettings.defaults();
        if (given.containsKey("memory-mb")) {
            long bytes = Long.parseLong(given.get("memory-mb")) << 20;
            settings = settings.withLimits(settings.runLimits().withMaxBytes(bytes),
                    settings.submitLimits().withMaxBytes(bytes));
        }
        if (baseline) {
            // One quantum and one slice cover any program and nobody counts as heavy: learners are served in
            // arrival order.
            settings = settings.withFairShare(new FairShare(Duration.ofHours(1), Duration.ofMinutes(1),
                    Duration.ofDays(1), 0, Duration.ofHours(1)));
        }
        if (given.containsKey("slice-ms")) {
            settings = settings.withFairShare(settings.fairShare()
                    .withSlice(Duration.ofMillis(Long.parseLong(given.get("slice-ms")))));
        }
        boolean noSlices = given.containsKey("no-slices");
        if (noSlices) {
            settings = settings.withFairShare(settings.fairShare().withSlice(Duration.ofHours(1)));
        }
        RunService runs = new RunService(settings, new PyliteExecutor(), RunMetrics.NONE);
        GradingService grading = new GradingService(runs);
        System.out.printf(Locale.ROOT, "%s: %d workers (%d reserved), heap max %d MB, memory share %d MB, program "
                        + "budget %d MB, %d exercises%n", baseline ? "baseline (arrival order)"
                        : noSlices ? "fair share without slices" : "fair share with slices",
                settings.workers(), settings.reservedWorkers(), Runtime.getRuntime().maxMemory() >> 20,
                settings.memoryCapacityBytes() >> 20, settings.submitLimits().maxBytes() >> 20, tasks.size());

        long warmStart = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < warmup; i++) {
                int w = i;
                pool.submit(() -> {
                    for (int k = 0; k < tasks.size(); k++) {
                        Task task = tasks.get((w + k) % tasks.size());
                        submit(grading, Learner.member("warm" + w), task, k % 2 == 0 ? task.right() : task.wrong());
                    }
                    return null;
                });
            }
        }
        System.out.printf(Locale.ROOT, "warm-up: %d verdicts in %.1f s%n", warmup * tasks.size(),
                (System.nanoTime() - warmStart) / 1e9);

        List<Answer> normal = Collections.synchronizedList(new ArrayList<>());
        List<Answer> hostile = Collections.synchronizedList(new ArrayList<>());
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Map<String, long[]> gcBefore = collections();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long end = start + windowNanos;
        ExecutorService attackers = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < hostileCount; i++) {
            int attacker = i;
            attackers.submit(() -> {
                Task task = tasks.get(attacker % tasks.size());
                while (System.nanoTime() < end) {
                    Answer answer = submit(grading, Learner.member("hostile" + attacker), task,
                            attacker % 2 == 0 ? BUSY_LOOP : MEMORY_BOMB);
                    hostile.add(answer);
                    if (!answer.verdict()) {
                        Thread.sleep(200);
                    }
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < learners; i++) {
                int learner = i;
                int count = submissions / learners + (i < submissions % learners ? 1 : 0);
                pool.submit(() -> {
                    // A mixed seed: java.util.Random's first draws for seeds 0..119 all fall in one 0.14 s burst.
                    SplittableRandom random = new SplittableRandom(learner);
                    long spacing = windowNanos / Math.max(1, count);
                    long next = start + (long) (random.nextDouble() * spacing);
                    for (int k = 0; k < count; k++) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        Task task = tasks.get(random.nextInt(tasks.size()));
                        normal.add(submit(grading, Learner.member("learner" + learner), task,
                                random.nextBoolean() ? task.right() : task.wrong()));
                        next += spacing;
                    }
                    return null;
                });
            }
        }
        // Measured until the last normal learner has its verdict; the attackers' last programs are then cancelled.
        double wall = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuBefore;
        Map<String, long[]> gcAfter = collections();
        List<Answer> hostileInWindow = List.copyOf(hostile);
        runs.close();
        attackers.close();
        report(normal, hostileInWindow, wall, cpu, learners, submissions, hostileCount);
        reportBySlot(normal, start);
        // The memory bombs' garbage costs everyone through the collector: its count and time over the window.
        gcAfter.forEach((name, after) -> {
            long[] before = gcBefore.getOrDefault(name, new long[2]);
            System.out.printf(Locale.ROOT, "gc %s: %d collections, %.1f s%n", name, after[0] - before[0],
                    (after[1] - before[1]) / 1e3);
        });
    }

    /** The others' latency by when in the window they submitted: shows whether the tail is one stretch of it. */
    private static void reportBySlot(List<Answer> normal, long start) {
        long slot = TimeUnit.SECONDS.toNanos(10);
        Map<Long, List<Long>> bySlot = new TreeMap<>();
        for (Answer answer : List.copyOf(normal)) {
            if (answer.verdict()) {
                bySlot.computeIfAbsent(Math.max(0, answer.sentNanos() - start) / slot, k -> new ArrayList<>())
                        .add(answer.latencyNanos());
            }
        }
        System.out.println("latency by submission time (s into the window: verdicts, p50, p95, max):");
        bySlot.forEach((index, latencies) -> {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %3d-%3d s: %3d, %.2f s, %.2f s, %.2f s%n", index * 10, index * 10 + 10,
                    sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.95), sorted[sorted.length - 1] / 1e9);
        });
    }

    /** Each collector's count and accumulated time in milliseconds, as the JVM reports them. */
    private static Map<String, long[]> collections() {
        Map<String, long[]> counts = new TreeMap<>();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            counts.put(collector.getName(), new long[] {collector.getCollectionCount(), collector.getCollectionTime()});
        }
        return counts;
    }

    private static Answer submit(GradingService grading, Learner learner, Task task, String code) {
        long started = System.nanoTime();
        GradingService.Grading answer = grading.grade(learner, task.exercise(), code, Lang.EN);
        if (answer instanceof GradingService.Refused refused) {
            return new Answer(started, System.nanoTime() - started, false, "refused: " + refused.reason());
        }
        GradingService.Queued queued = (GradingService.Queued) answer;
        try {
            Verdict verdict = queued.verdict().get(5, TimeUnit.MINUTES);
            return new Answer(started, System.nanoTime() - started, verdict.gradable(),
                    verdict.gradable() ? "" : "not gradable: " + verdict.message());
        } catch (Exception e) {
            return new Answer(started, System.nanoTime() - started, false, e.getClass().getSimpleName());
        }
    }

    private static void report(List<Answer> normal, List<Answer> hostile, double wall, long cpuNanos, int learners,
                               int submissions, int hostileCount) {
        int cores = Runtime.getRuntime().availableProcessors();
        long[] latencies = normal.stream().filter(Answer::verdict).mapToLong(Answer::latencyNanos).sorted().toArray();
        long hostileVerdicts = hostile.stream().filter(Answer::verdict).count();
        System.out.println();
        System.out.printf(Locale.ROOT, "scenario: %d learners, %d submissions, %d hostile, %d cores%n", learners,
                submissions, hostileCount, cores);
        System.out.printf(Locale.ROOT, "verdicts: %d of %d; errors: %d%n", latencies.length, normal.size(),
                normal.size() - latencies.length);
        Map<String, Integer> kinds = new TreeMap<>();
        normal.stream().filter(a -> !a.verdict()).forEach(a -> kinds.merge(a.detail(), 1, Integer::sum));
        kinds.forEach((kind, n) -> System.out.println("  error x" + n + ": " + kind));
        if (latencies.length > 0) {
            System.out.printf(Locale.ROOT, "latency: p50 %.2f s, p95 %.2f s, max %.2f s%n", percentile(latencies, 0.5),
                    percentile(latencies, 0.95), latencies[latencies.length - 1] / 1e9);
        }
        System.out.printf(Locale.ROOT, "throughput: %.1f verdicts/s over %.1f s%n", latencies.length / wall, wall);
        long all = latencies.length + hostileVerdicts;
        System.out.printf(Locale.ROOT, "process CPU: %.1f s (%.0f%% of %d cores), %.0f ms per verdict (%d verdicts, "
                        + "hostile included)%n", cpuNanos / 1e9, 100 * cpuNanos / 1e9 / wall / cores, cores,
                all == 0 ? 0 : cpuNanos / 1e6 / all, all);
        if (hostileCount > 0) {
            System.out.printf(Locale.ROOT, "hostile: %d submissions, %d verdicts%n", hostile.size(), hostileVerdicts);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of the heap pools' peaks): %d MB of %d MB%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e9;
    }
}
