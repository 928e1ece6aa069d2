package dev.optimlab.classroom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.optimlab.app.Application;
import dev.optimlab.app.Browsers;
import dev.optimlab.course.Exercise;
import dev.optimlab.progress.CourseExercises;
import dev.optimlab.security.AccountService;
import dev.optimlab.security.ApiTokens;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An instructor runs a class in a real browser, from join code to grades CSV, while a learner grades programs
 * through the HTTP API; and a learner who types an instructor's or admin's address is turned away.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InstructorJourneyIT {

    static final String EXERCISE = "zero-grad-missing";
    static final String PASSWORD = "journey password 1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + data.resolve("optimlab") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        registry.add("optimlab.backup-dir", () -> data.resolve("backups").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    CourseExercises exercises;
    @Autowired
    ClassroomService classrooms;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void patientAssertions() {
        // the machine that runs journeys may be busy: give page loads after a sign-in time
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void defaultAssertions() {
        PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Page openPage(BrowserContext context) {
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        return page;
    }

    private BrowserContext newContext() {
        return Browsers.chromium().newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000).setLocale("en-US")
                .setAcceptDownloads(true));
    }

    private void signIn(Page page, String username) {
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(PASSWORD);
        page.locator("input[name=password]").press("Enter");
        page.waitForFunction("() => !location.pathname.startsWith('/login')");
        assertThat(page.locator("#user-name")).isVisible();
    }

    private HttpResponse<String> grade(String token, String code) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("code", code));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/v1/exercises/" + EXERCISE + "/grade")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The text of each row of the drill-down grid in row order, cells separated by " | ". */
    static final String DRILL_DOWN_ROWS = "() => { const g = document.querySelector('#learner-attempts');"
            + " return [...g.shadowRoot.querySelectorAll('tbody#items tr')].filter(r => !r.hidden)"
            + " .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))"
            + " .map(r => [...r.querySelectorAll('slot')].map(s => s.assignedElements().map(e => e.textContent.trim()).join('')).join(' | ')); }";

    @Test
    @DisplayName("an instructor creates a classroom, sees a learner's API attempts arrive live, drills down and downloads the grades")
    void fromJoinCodeToCsv() throws Exception {
        String teacherName = unique("teacher");
        String learnerName = unique("learner");
        accounts.create(teacherName, "Journey Teacher", PASSWORD, Role.INSTRUCTOR, false);
        UserAccount learner = accounts.create(learnerName, "Journey Learner", PASSWORD, Role.LEARNER, false);
        Exercise exercise = exercises.find(EXERCISE).orElseThrow();

        try (BrowserContext teacherContext = newContext(); BrowserContext learnerContext = newContext()) {
            Page teacher = openPage(teacherContext);
            signIn(teacher, teacherName);
            teacher.navigate(url("/classrooms"));
            teacher.locator("#classroom-name input").fill("Optimizers, autumn term");
            teacher.locator("#create-classroom").click();
            teacher.waitForURL(java.util.regex.Pattern.compile(".*/classrooms/\\d+$"));
            long classroomId = Long.parseLong(teacher.url().substring(teacher.url().lastIndexOf('/') + 1));
            assertThat(teacher.locator("h1")).hasText("Optimizers, autumn term");
            String joinCode = teacher.locator("#join-code").textContent().strip();
            assertThat(joinCode).matches("[A-Z2-9]{8}");

            Page learnerPage = openPage(learnerContext);
            signIn(learnerPage, learnerName);
            learnerPage.navigate(url("/join"));
            learnerPage.locator("#join-code-field input").fill(joinCode);
            learnerPage.locator("#join-code-field input").press("Enter");
            assertThat(learnerPage.locator("#join-outcome")).hasText("You joined \"Optimizers, autumn term\".");

            String cell = "#matrix [data-learner='" + learnerName + "'][data-exercise='" + EXERCISE + "']";
            assertThat(teacher.locator(cell)).hasText("–");
            assertThat(teacher.locator(cell)).hasAttribute("data-attempts", "0");
            teacher.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("instructor-matrix-empty")).setFullPage(true));

            String token = tokens.create(learner, "journey").secret();
            HttpResponse<String> wrong = grade(token, exercise.starter());
            assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(200);
            int wrongScore = (int) Math.round(JSON.readTree(wrong.body()).get("score").asDouble() * 100);
            assertThat(wrongScore).isLessThan(100);
            teacher.waitForFunction("s => { const c = document.querySelector(s); return c && c.dataset.attempts === '1'; }", cell);
            assertThat(teacher.locator(cell)).hasText(wrongScore + "% · 1");

            HttpResponse<String> right = grade(token, exercise.solution());
            assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
            JsonNode verdict = JSON.readTree(right.body());
            assertThat(verdict.get("score").asDouble()).isEqualTo(1.0);
            teacher.waitForFunction("s => { const c = document.querySelector(s); return c && c.dataset.attempts === '2'"
                    + " && c.dataset.score === '100'; }", cell);
            assertThat(teacher.locator(cell)).hasText("100% · 2");
            teacher.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("instructor-matrix-live")).setFullPage(true));

            teacher.locator(cell).click();
            assertThat(teacher.locator("#learner-attempts")).isVisible();
            teacher.waitForFunction("() => document.querySelectorAll('#learner-attempts time[data-attempt]').length === 2");
            List<?> rows = (List<?>) teacher.evaluate(DRILL_DOWN_ROWS);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).toString()).contains(EXERCISE + " | " + wrongScore + "%");
            assertThat(rows.get(1).toString()).contains(EXERCISE + " | 100%");
            List<?> times = (List<?>) teacher.evaluate("() => [...document.querySelectorAll('#learner-attempts time[data-attempt]')]"
                    + ".map(t => t.getAttribute('datetime'))");
            List<Instant> instants = times.stream().map(t -> Instant.parse(t.toString())).sorted().toList();
            assertThat(instants.get(0)).isBeforeOrEqualTo(instants.get(1));
            teacher.locator("#learner-attempts vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("100%")).click();
            assertThat(teacher.locator("#learner-attempts pre")).containsText("    optimizer.zero_grad()\n");
            teacher.locator("#learner-attempts").scrollIntoViewIfNeeded();
            teacher.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("instructor-drill-down")).setFullPage(true));

            Download download = teacher.waitForDownload(() -> teacher.getByText("Download grades (CSV)").click());
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            CSVRecord row = learnerRow(csv, learnerName);
            assertThat(row.get("display_name")).isEqualTo("Journey Learner");
            assertThat(Double.parseDouble(row.get(EXERCISE))).isEqualTo(exercise.points());
            assertThat(Double.parseDouble(row.get("total"))).isEqualTo(exercise.points());
            assertThat(row.get("late")).isEmpty();

            UserAccount teacherAccount = accounts.find(teacherName);
            HttpResponse<String> apiCsv = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/classrooms/" + classroomId + "/grades.csv")))
                    .header("Authorization", "Bearer " + tokens.create(teacherAccount, "journey").secret()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(apiCsv.statusCode()).isEqualTo(200);
            assertThat(apiCsv.body()).isEqualTo(csv);
        }
    }

    private static CSVRecord learnerRow(String csv, String username) throws IOException {
        String withoutBom = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(withoutBom)).setFormat(format).get()) {
            return parser.getRecords().stream().filter(r -> r.get("username").equals(username)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + username + " in\n" + csv));
        }
    }

    @Test
    @DisplayName("a learner who opens a classroom's or the admin's address gets a not-found or access-denied page, not the matrix")
    void learnerTurnedAway() {
        String teacherName = unique("teacher");
        String learnerName = unique("learner");
        UserAccount teacher = accounts.create(teacherName, "Other Teacher", PASSWORD, Role.INSTRUCTOR, false);
        accounts.create(learnerName, "Curious Learner", PASSWORD, Role.LEARNER, false);
        Classroom classroom = classrooms.create(teacher, "Not yours");

        try (BrowserContext context = newContext()) {
            Page page = openPage(context);
            signIn(page, learnerName);
            page.navigate(url("/classrooms/" + classroom.id()));
            assertThat(page.locator("h1")).hasText("Page not found");
            assertThat(page.locator("#matrix")).hasCount(0);
            assertThat(page.locator("#join-code")).hasCount(0);
            assertThat(page.locator("body")).not().containsText(classroom.joinCode());
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("learner-classroom-denied")).setFullPage(true));

            page.navigate(url("/admin/users"));
            assertThat(page.locator("h1")).hasText("Page not found");
            assertThat(page.locator("body")).not().containsText(teacherName);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("learner-admin-denied")).setFullPage(true));
        }
    }
}
