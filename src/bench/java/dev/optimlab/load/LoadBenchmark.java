package dev.optimlab.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A classroom at full load, against the packaged app: starts {@code java -Xmx1g -jar optimlab.jar} on a fresh
 * data folder and port, creates the learners with API tokens through the {@code users bulk} command, and has
 * each learner submit typical exercises (right and wrong answers from content/) through
 * {@code POST /api/v1/exercises/{id}/grade}, waiting for each verdict before the next submission. Optionally,
 * hostile learners submit busy loops and memory bombs as fast as they are answered. Reports the normal
 * learners' verdict latency (p50/p95/max), throughput, errors (any answer that is not a verdict), the app's peak
 * heap (from its GC log), whether it met an OutOfMemoryError, the app's CPU time per verdict, and this
 * generator's own CPU share. Not a unit test: run it with {@code tools/load-benchmark.sh}. Uses the JDK alone,
 * so it also runs as a single source file.
 */
public final class LoadBenchmark {
    private static final String BUSY_LOOP = "while True:\n    pass\n";
    private static final String MEMORY_BOMB = "xs = []\nwhile True:\n    xs.append([0.5] * 100000)\n";
    private static final Pattern DURATION = Pattern.compile("\"duration_ms\"\\s*:\\s*(\\d+)");
    private static final Pattern STAGES = Pattern.compile("grade stages \\(ms since the previous stage\\): (.*)$");
    private static final Pattern STAGE = Pattern.compile("([a-z_]+) ([0-9.]+)");
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private record Options(Path jar, Path content, int learners, int submissions, Duration window, int hostile,
                           String heap, int warmup, int port, Path work, List<String> appArgs, Path dashboards) {
    }

    /** One exercise's right and wrong answer. */
    private record Task(String exercise, String right, String wrong) {
    }

    /** One submission's answer as the learner saw it. */
    private record Answer(long startNanos, long latencyNanos, int status, boolean verdict, long graderMillis,
                          String detail) {
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        Path dir = options.work() != null ? Files.createDirectories(options.work())
                : Files.createTempDirectory("optimlab-load-");
        System.out.println("work folder: " + dir);
        List<Task> tasks = tasks(options.content());
        System.out.println("exercises: " + tasks.stream().map(Task::exercise).toList());
        int accounts = options.learners() + options.hostile() + options.warmup();
        List<String> tokens = createUsers(options, dir, accounts);
        // --dashboards BENCH_CLASSPATH_FILE: an instructor and a learner time their pages during the window
        DashboardProbeLauncher dashboards = options.dashboards() == null ? null : new DashboardProbeLauncher(options.dashboards());
        if (dashboards != null) {
            dashboards.prepare(options.jar(), dir, options.appArgs());
        }
        Process app = startApp(options, dir);
        try {
            String base = "http://127.0.0.1:" + options.port();
            awaitHealthy(base, app);
            if (dashboards != null) {
                dashboards.start(base, dir, options.learners());
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(10)).build();
            if (options.warmup() > 0) {
                warmUp(http, base, tasks, tokens.subList(accounts - options.warmup(), accounts));
            }
            if (dashboards != null) {
                dashboards.go(options.window());
            }
            run(options, http, base, tasks, tokens, app, dir);
            if (dashboards != null) {
                dashboards.finish(dir);
            }
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static Options parse(String[] args) {
        Map<String, String> given = new TreeMap<>();
        List<String> appArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--app-arg") && i + 1 < args.length) {
                appArgs.add(args[++i]);
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                given.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "; options: --jar FILE "
                        + "--content DIR --learners N --submissions N --seconds S --hostile N --heap SIZE --warmup N "
                        + "--port P --work DIR --app-arg ARG --dashboards BENCH_CLASSPATH_FILE");
            }
        }
        return new Options(Path.of(given.getOrDefault("jar", "target/optimlab.jar")).toAbsolutePath(),
                Path.of(given.getOrDefault("content", "content")).toAbsolutePath(),
                Integer.parseInt(given.getOrDefault("learners", "120")),
                Integer.parseInt(given.getOrDefault("submissions", "600")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("seconds", "60"))),
                Integer.parseInt(given.getOrDefault("hostile", "0")), given.getOrDefault("heap", "1g"),
                Integer.parseInt(given.getOrDefault("warmup", "10")),
                Integer.parseInt(given.getOrDefault("port", "18080")),
                given.containsKey("work") ? Path.of(given.get("work")).toAbsolutePath() : null, appArgs,
                given.containsKey("dashboards") ? Path.of(given.get("dashboards")) : null);
    }

    /** Every exercise of the course with its solution (right) and starter (wrong). */
    private static List<Task> tasks(Path content) throws IOException {
        List<Task> tasks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(content)) {
            for (Path checks : files.filter(p -> p.getFileName().toString().equals("checks.py")).sorted().toList()) {
                Path folder = checks.getParent();
                tasks.add(new Task(folder.getFileName().toString(), Files.readString(folder.resolve("solution.py")),
                        Files.readString(folder.resolve("starter.py"))));
            }
        }
        if (tasks.isEmpty()) {
            throw new IllegalStateException("no exercises (checks.py) under " + content);
        }
        return tasks;
    }

    private static List<String> createUsers(Options options, Path dir, int count) throws Exception {
        Path csv = dir.resolve("tokens.csv");
        if (Files.exists(csv) && tokens(csv).size() >= count) {
            System.out.println("reusing the learners of " + csv);
            return tokens(csv);
        }
        List<String> command = new ArrayList<>(List.of(java(), "-jar", options.jar().toString(), "users", "bulk",
                String.valueOf(count), "--prefix", "load", "--tokens", csv.toString()));
        command.addAll(options.appArgs());
        long started = System.nanoTime();
        Process users = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("users.log").toFile()).start();
        if (!users.waitFor(5, TimeUnit.MINUTES) || users.exitValue() != 0) {
            throw new IllegalStateException("the users command failed; see " + dir.resolve("users.log"));
        }
        List<String> tokens = tokens(csv);
        if (tokens.size() < count) {
            throw new IllegalStateException("expected " + count + " tokens in " + csv + ", found " + tokens.size());
        }
        System.out.printf(Locale.ROOT, "created %d learners with tokens in %.1f s%n", count, seconds(started));
        return tokens;
    }

    /** The tokens of a {@code users bulk} CSV (username,password,token), in order. */
    private static List<String> tokens(Path csv) throws IOException {
        List<String> tokens = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] fields = line.split(",");
            if (fields.length >= 3 && !fields[2].strip().equalsIgnoreCase("token")) {
                tokens.add(fields[2].strip());
            }
        }
        return tokens;
    }

    private static Process startApp(Options options, Path dir) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + options.heap(),
                "-Xlog:gc:file=" + dir.resolve("gc.log"), "-XX:+ExitOnOutOfMemoryError", "-jar",
                options.jar().toString(), "--server.port=" + options.port(),
                "--logging.level.dev.optimlab.app.api.GradeTimings=DEBUG"));
        command.addAll(options.appArgs());
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile()).start();
    }

    private static void awaitHealthy(String base, Process app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited with " + app.exitValue() + " while starting");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    System.out.printf(Locale.ROOT, "app up in %.1f s%n", seconds(started));
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        // A host whose cores are shared by other builds may take minutes to start the app.
        throw new IllegalStateException("the app did not become healthy within 10 minutes");
    }

    /** A few verdicts per exercise from accounts that are not measured, so the JIT has seen the grading path. */
    private static void warmUp(HttpClient http, String base, List<Task> tasks, List<String> tokens) throws Exception {
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                int first = i;
                pool.submit(() -> {
                    for (int k = 0; k < tasks.size(); k++) {
                        Task task = tasks.get((first + k) % tasks.size());
                        submit(http, base, token, task.exercise(), k % 2 == 0 ? task.right() : task.wrong());
                    }
                    return null;
                });
            }
        }
        System.out.printf(Locale.ROOT, "warm-up: %d verdicts in %.1f s%n", tokens.size() * tasks.size(),
                seconds(started));
    }

    private static void run(Options options, HttpClient http, String base, List<Task> tasks, List<String> tokens,
                            Process app, Path dir) throws Exception {
        List<Answer> normal = Collections.synchronizedList(new ArrayList<>());
        List<Answer> hostile = Collections.synchronizedList(new ArrayList<>());
        long windowNanos = options.window().toNanos();
        Duration appCpuBefore = cpu(app.toHandle());
        Duration ownCpuBefore = cpu(ProcessHandle.current());
        long logOffset = Files.size(dir.resolve("app.log"));
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long end = start + windowNanos;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < options.learners(); i++) {
                int learner = i;
                int count = options.submissions() / options.learners()
                        + (i < options.submissions() % options.learners() ? 1 : 0);
                pool.submit(() -> {
                    learner(http, base, tokens.get(learner), tasks, learner, count, start, windowNanos, normal);
                    return null;
                });
            }
            for (int i = 0; i < options.hostile(); i++) {
                int learner = options.learners() + i;
                pool.submit(() -> {
                    attacker(http, base, tokens.get(learner), tasks.get(learner % tasks.size()).exercise(),
                            learner % 2 == 0 ? BUSY_LOOP : MEMORY_BOMB, end, hostile);
                    return null;
                });
            }
        }
        long finished = System.nanoTime();
        Duration appCpu = cpu(app.toHandle()).minus(appCpuBefore);
        Duration ownCpu = cpu(ProcessHandle.current()).minus(ownCpuBefore);
        report(options, normal, hostile, (finished - start) / 1e9, appCpu, ownCpu, app, dir);
        reportStages(dir.resolve("app.log"), logOffset);
    }

    /**
     * The app's own split of each API grade of the window (hostile ones included), from its debug lines: median,
     * p95 and mean of the time from the previous stage to each stage.
     */
    private static void reportStages(Path appLog, long fromByte) throws IOException {
        byte[] bytes = Files.readAllBytes(appLog);
        String window = new String(bytes, (int) Math.min(fromByte, bytes.length),
                (int) Math.max(0, bytes.length - fromByte), StandardCharsets.UTF_8);
        Map<String, List<Double>> stages = new java.util.LinkedHashMap<>();
        for (String line : window.split("\n")) {
            Matcher m = STAGES.matcher(line);
            if (m.find()) {
                Matcher stage = STAGE.matcher(m.group(1));
                while (stage.find()) {
                    stages.computeIfAbsent(stage.group(1), k -> new ArrayList<>())
                            .add(Double.parseDouble(stage.group(2)));
                }
            }
        }
        if (stages.isEmpty()) {
            System.out.println("no grade stages in the app's log (needs GradeTimings at debug level)");
            return;
        }
        System.out.println("where the app's time of a grade goes (ms from the previous stage; median / p95 / mean):");
        stages.forEach((stage, values) -> {
            long[] sorted = values.stream().mapToLong(v -> Math.round(v * 1000)).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-15s %9.2f %9.2f %9.2f  (%d grades)%n", stage,
                    percentile(sorted, 0.5) * 1e6, percentile(sorted, 0.95) * 1e6,
                    values.stream().mapToDouble(Double::doubleValue).average().orElse(0), values.size());
        });
    }

    /** Submits {@code count} times, spread evenly over the window, each after the previous verdict. */
    private static void learner(HttpClient http, String base, String token, List<Task> tasks, int learner, int count,
                                long start, long windowNanos, List<Answer> answers) throws InterruptedException {
        // SplittableRandom mixes its seed: java.util.Random's first draws for seeds 0..119 all lie within 0.721-0.733,
        // which sent every learner's submission in the same 0.14 s burst every 12 s instead of 10 a second.
        SplittableRandom random = new SplittableRandom(learner);
        long spacing = windowNanos / Math.max(1, count);
        long next = start + (long) (random.nextDouble() * spacing);
        for (int k = 0; k < count; k++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Task task = tasks.get(random.nextInt(tasks.size()));
            answers.add(submit(http, base, token, task.exercise(), random.nextBoolean() ? task.right() : task.wrong()));
            next += spacing;
        }
    }

    /** Submits the hostile program again as soon as each answer arrives, until the window ends. */
    private static void attacker(HttpClient http, String base, String token, String exercise, String program, long end,
                                 List<Answer> answers) throws InterruptedException {
        while (System.nanoTime() < end) {
            Answer answer = submit(http, base, token, exercise, program);
            answers.add(answer);
            if (!answer.verdict()) {
                Thread.sleep(200);
            }
        }
    }

    private static Answer submit(HttpClient http, String base, String token, String exercise, String code) {
        String body = "{\"code\": " + json(code) + ", \"lang\": \"en\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/exercises/" + exercise + "/grade"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean verdict = response.statusCode() == 200 && response.body().contains("\"gradable\"");
            Matcher duration = DURATION.matcher(response.body());
            return new Answer(started, System.nanoTime() - started, response.statusCode(), verdict,
                    verdict && duration.find() ? Long.parseLong(duration.group(1)) : -1,
                    verdict ? "" : response.statusCode() + " " + abbreviate(response.body()));
        } catch (IOException | InterruptedException e) {
            return new Answer(started, System.nanoTime() - started, 0, false, -1, e.getClass().getSimpleName()
                    + ": " + e.getMessage());
        }
    }

    private static void report(Options options, List<Answer> normal, List<Answer> hostile, double wallSeconds,
                               Duration appCpu, Duration ownCpu, Process app, Path dir) throws IOException {
        List<Answer> verdicts = normal.stream().filter(Answer::verdict).toList();
        long[] latencies = verdicts.stream().mapToLong(Answer::latencyNanos).sorted().toArray();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println();
        System.out.printf(Locale.ROOT, "scenario: %d learners, %d submissions in %d s, %d hostile, -Xmx%s, %d cores%n",
                options.learners(), options.submissions(), options.window().toSeconds(), options.hostile(),
                options.heap(), cores);
        System.out.printf(Locale.ROOT, "verdicts: %d of %d submissions; errors: %d%n", verdicts.size(), normal.size(),
                normal.size() - verdicts.size());
        Map<String, Integer> errorKinds = new TreeMap<>();
        normal.stream().filter(a -> !a.verdict()).forEach(a -> errorKinds.merge(abbreviate(a.detail()), 1,
                Integer::sum));
        errorKinds.forEach((kind, n) -> System.out.println("  error x" + n + ": " + kind));
        if (latencies.length > 0) {
            System.out.printf(Locale.ROOT, "latency: p50 %.2f s, p95 %.2f s, max %.2f s%n",
                    percentile(latencies, 0.50), percentile(latencies, 0.95), latencies[latencies.length - 1] / 1e9);
        }
        double graderMean = verdicts.stream().filter(a -> a.graderMillis() >= 0).mapToLong(Answer::graderMillis)
                .average().orElse(0);
        double latencyMean = verdicts.stream().mapToLong(Answer::latencyNanos).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "mean latency %.0f ms = grading %.0f ms (the verdict's duration_ms) + %.0f ms "
                + "outside it (queue, database, HTTP)%n", latencyMean, graderMean, latencyMean - graderMean);
        System.out.printf(Locale.ROOT, "throughput: %.1f verdicts/s (%.0f per minute) over %.1f s%n",
                verdicts.size() / wallSeconds, verdicts.size() / wallSeconds * 60, wallSeconds);
        int all = verdicts.size() + (int) hostile.stream().filter(Answer::verdict).count();
        System.out.printf(Locale.ROOT, "app CPU: %.1f s (%.0f%% of %d cores), %.0f ms per verdict (all %d verdicts, "
                        + "hostile included)%n", appCpu.toMillis() / 1e3, 100 * appCpu.toMillis() / 1e3 / wallSeconds / cores,
                cores, all == 0 ? 0 : appCpu.toMillis() / (double) all, all);
        System.out.printf(Locale.ROOT, "generator CPU: %.1f s (%.0f%% of %d cores)%n", ownCpu.toMillis() / 1e3,
                100 * ownCpu.toMillis() / 1e3 / wallSeconds / cores, cores);
        if (!hostile.isEmpty()) {
            long hostileVerdicts = hostile.stream().filter(Answer::verdict).count();
            Map<Integer, Integer> statuses = new TreeMap<>();
            hostile.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
            long[] hostileLatencies = hostile.stream().filter(Answer::verdict).mapToLong(Answer::latencyNanos).sorted()
                    .toArray();
            System.out.printf(Locale.ROOT, "hostile: %d submissions, %d verdicts, answers by status %s%s%n",
                    hostile.size(), hostileVerdicts, statuses, hostileLatencies.length == 0 ? ""
                            : String.format(Locale.ROOT, ", their p50 %.2f s", percentile(hostileLatencies, 0.5)));
        }
        System.out.println("peak heap (before a GC, from the GC log): " + peakHeap(dir.resolve("gc.log")));
        String log = Files.readString(dir.resolve("app.log"), StandardCharsets.UTF_8);
        System.out.println("OutOfMemoryError in the app's log: " + (log.contains("OutOfMemoryError") ? "YES" : "no")
                + "; app alive: " + app.isAlive());
    }

    private static String peakHeap(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return "no GC log";
        }
        double peak = 0;
        double committed = 0;
        int collections = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_HEAP.matcher(line);
            if (m.find()) {
                collections++;
                peak = Math.max(peak, megabytes(m.group(1), m.group(2)));
                committed = Math.max(committed, megabytes(m.group(5), m.group(6)));
            }
        }
        return String.format(Locale.ROOT, "%.0f MB used, %.0f MB committed at most, over %d collections", peak,
                committed, collections);
    }

    private static double megabytes(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e9;
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= 160 ? line : line.substring(0, 160) + "...";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
