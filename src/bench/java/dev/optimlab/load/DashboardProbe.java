package dev.optimlab.load;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.WaitUntilState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What an instructor and a learner see while a classroom is at full load: a headless Chromium signs in as an
 * instructor, creates a classroom and imports the load's learners as its roster, then every few seconds loads
 * the classroom page and times it until the matrix shows every learner's row, and loads a learner's
 * {@code /dashboard} and times it until its exercise table shows, until the load window given on standard input ends; between them plain HTTP timings of
 * {@code GET /api/v1/me/attempts} and {@code GET /actuator/health}. One page loads at a time, so the probe stays
 * light on cores it shares with the app. Reports p50/p95/max per probe and the CPU share of this JVM and of
 * Playwright's driver and Chromium. Started by {@link DashboardProbeLauncher} for {@code LoadBenchmark --dashboards};
 * needs Playwright on the class path (the bench profile's test class path).
 */
public final class DashboardProbe {

    private record Options(String base, Path tokens, int roster, String instructor, String password, Duration every,
                           Path chromium) {
    }

    /** One timed load: its wall time, or the reason it failed. */
    private record Sample(long nanos, String failure) {
    }

    private final Options options;
    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private DashboardProbe(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "; options: --base URL --tokens CSV "
                        + "--roster N --instructor NAME --password P --every S --chromium PATH; then a line 'go END_EPOCH_MILLIS' on standard input starts the measuring");
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        Options options = new Options(given.getOrDefault("base", "http://127.0.0.1:18080"),
                Path.of(given.getOrDefault("tokens", "tokens.csv")), Integer.parseInt(given.getOrDefault("roster", "120")),
                given.getOrDefault("instructor", "probe-teacher"), given.getOrDefault("password", "probe-teacher-pw"),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("every", "5"))),
                Path.of(given.getOrDefault("chromium", "/usr/bin/chromium")));
        new DashboardProbe(options).run();
    }

    private void run() throws Exception {
        List<String[]> learners = Files.readAllLines(options.tokens()).stream().skip(1).map(l -> l.split(","))
                .filter(f -> f.length >= 3).limit(options.roster()).toList();
        String[] learner = learners.getFirst();
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(options.chromium()).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
             BrowserContext teacherContext = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
             BrowserContext learnerContext = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page teacher = teacherContext.newPage();
            Page learnerPage = learnerContext.newPage();
            teacher.setDefaultTimeout(120_000);
            learnerPage.setDefaultTimeout(120_000);
            long setup = System.nanoTime();
            signIn(teacher, options.instructor(), options.password());
            String classroom = createClassroom(teacher, learners);
            signIn(learnerPage, learner[0], learner[1]);
            System.out.printf(Locale.ROOT, "dashboard probe: signed in, created %s with %d learners in %.1f s%n",
                    classroom, learners.size(), (System.nanoTime() - setup) / 1e9);
            // signing in and importing may take minutes on a loaded host; a probe load that takes a minute has failed
            teacher.setDefaultTimeout(60_000);
            learnerPage.setDefaultTimeout(60_000);
            String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(go.substring(3).strip())
                    - System.currentTimeMillis());

            Duration ownCpuBefore = cpu(ProcessHandle.current());
            Map<Long, Duration> childrenBefore = descendantsCpu();
            long measured = System.nanoTime();
            int rows = learners.size();
            String rowsShown = "n => new Set([...document.querySelectorAll('#matrix [data-learner]')]"
                    + ".map(e => e.dataset.learner)).size >= n";
            String exercise = null;
            while (System.nanoTime() + options.every().toNanos() / 2 < end) {
                long cycle = System.nanoTime();
                long instructorLoad = System.nanoTime();
                time("instructor /classrooms/{id} until a row", () -> {
                    teacher.navigate(options.base() + classroom, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
                    teacher.waitForFunction(rowsShown, 1);
                    return null;
                });
                time("instructor /classrooms/{id} until all rows", instructorLoad, () -> teacher.waitForFunction(rowsShown, rows));
                time("learner /dashboard until its table", () -> {
                    learnerPage.navigate(options.base() + "/dashboard", new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
                    learnerPage.waitForFunction("() => document.querySelectorAll('table.ol-table tbody tr').length > 0");
                    return null;
                });
                if (exercise == null) {
                    // the learner's next exercise, from the dashboard's "continue" link (exercises/ID)
                    String link = learnerPage.locator("#continue").count() == 0 ? null : learnerPage.locator("#continue").getAttribute("href");
                    exercise = link == null ? null : link.substring(link.lastIndexOf('/') + 1);
                }
                String attemptsOf = exercise;
                time("GET /api/v1/me/attempts?exercise=ID", () -> get("/api/v1/me/attempts?exercise=" + attemptsOf, learner[2]));
                time("GET /actuator/health", () -> get("/actuator/health", null));
                long rest = cycle + options.every().toNanos() - System.nanoTime();
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            }
            double wall = (System.nanoTime() - measured) / 1e9;
            Duration ownCpu = cpu(ProcessHandle.current()).minus(ownCpuBefore);
            Duration childrenCpu = Duration.ZERO;
            for (Map.Entry<Long, Duration> child : descendantsCpu().entrySet()) {
                childrenCpu = childrenCpu.plus(child.getValue().minus(childrenBefore.getOrDefault(child.getKey(), Duration.ZERO)));
            }
            report(wall, ownCpu, childrenCpu);
        }
    }

    private void signIn(Page page, String username, String password) {
        page.navigate(options.base() + "/login");
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=password]").press("Enter");
        page.waitForFunction("() => !location.pathname.startsWith('/login')");
    }

    /** Creates a classroom and imports the learners as its roster (existing accounts are added); returns its path. */
    private String createClassroom(Page teacher, List<String[]> learners) {
        teacher.navigate(options.base() + "/classrooms");
        teacher.locator("#classroom-name input").fill("Dashboard probe");
        teacher.locator("#create-classroom").click();
        teacher.waitForURL(Pattern.compile(".*/classrooms/\\d+$"));
        StringBuilder roster = new StringBuilder();
        learners.forEach(l -> roster.append(l[0]).append(',').append(l[0]).append('\n'));
        teacher.locator("vaadin-text-area textarea").fill(roster.toString());
        teacher.getByText("Import roster").click();
        teacher.waitForFunction("n => document.querySelectorAll('#matrix [data-learner]').length > 0"
                + " && new Set([...document.querySelectorAll('#matrix [data-learner]')].map(e => e.dataset.learner)).size >= n",
                learners.size());
        return URI.create(teacher.url()).getPath();
    }

    private Object get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.base() + path)).timeout(Duration.ofMinutes(2));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode());
        }
        return null;
    }

    private interface Load {
        Object run() throws Exception;
    }

    private void time(String probe, Load load) {
        time(probe, System.nanoTime(), load);
    }

    /** Times a load, or the rest of one, from {@code started}: a failure is recorded with its reason, not thrown. */
    private void time(String probe, long started, Load load) {
        Sample sample;
        try {
            load.run();
            sample = new Sample(System.nanoTime() - started, null);
        } catch (PlaywrightException | IOException e) {
            sample = new Sample(System.nanoTime() - started, e.getClass().getSimpleName() + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        samples.computeIfAbsent(probe, k -> new ArrayList<>()).add(sample);
    }

    private void report(double wall, Duration ownCpu, Duration childrenCpu) {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("dashboards under load (p50 / p95 / max, failures):");
        samples.forEach((probe, list) -> {
            long[] sorted = list.stream().filter(s -> s.failure() == null).mapToLong(Sample::nanos).sorted().toArray();
            long failures = list.size() - sorted.length;
            System.out.printf(Locale.ROOT, "  %-44s %s  (%d loads, %d failed)%n", probe, sorted.length == 0 ? "no answer"
                    : String.format(Locale.ROOT, "%6.2f s %6.2f s %6.2f s", percentile(sorted, 0.5),
                    percentile(sorted, 0.95), sorted[sorted.length - 1] / 1e9), list.size(), failures);
            list.stream().filter(s -> s.failure() != null).map(Sample::failure).distinct().limit(3)
                    .forEach(f -> System.out.println("    failure: " + f));
        });
        System.out.printf(Locale.ROOT, "dashboard probe CPU over %.0f s: its JVM %.1f s (%.0f%% of %d cores), Playwright's "
                        + "driver and Chromium %.1f s (%.0f%%)%n", wall, ownCpu.toMillis() / 1e3,
                100 * ownCpu.toMillis() / 1e3 / wall / cores, cores, childrenCpu.toMillis() / 1e3,
                100 * childrenCpu.toMillis() / 1e3 / wall / cores);
    }

    private static Map<Long, Duration> descendantsCpu() {
        Map<Long, Duration> cpu = new TreeMap<>();
        ProcessHandle.current().descendants().forEach(p -> cpu.put(p.pid(), cpu(p)));
        return cpu;
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e9;
    }
}
