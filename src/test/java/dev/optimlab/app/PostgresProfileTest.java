package dev.optimlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.classroom.Classroom;
import dev.optimlab.classroom.ClassroomService;
import dev.optimlab.classroom.JoinResult;
import dev.optimlab.course.Lang;
import dev.optimlab.progress.CourseExercises;
import dev.optimlab.progress.ProgressService;
import dev.optimlab.security.AccountService;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import dev.optimlab.settings.SiteSettingsService;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The postgres profile against a real PostgreSQL server (tools/postgres.sh starts one): every migration runs and
 * the repositories round-trip. Uses a schema of its own, dropped afterwards. Skipped, saying why, when no server
 * answers at OPTIMLAB_TEST_POSTGRES_URL (default localhost:5432, user and password optimlab).
 */
class PostgresProfileTest {

    private static final String URL = env("OPTIMLAB_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/optimlab");
    private static final String USER = env("OPTIMLAB_TEST_POSTGRES_USER", "optimlab");
    private static final String PASSWORD = env("OPTIMLAB_TEST_POSTGRES_PASSWORD", "optimlab");
    private static final String SCHEMA = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static ConfigurableApplicationContext app;

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Why the tests are skipped, or null when a server answered. */
    private static String unreachable;

    @BeforeAll
    static void startOnPostgres() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            assertThat(connection.isValid(3)).isTrue();
        } catch (SQLException e) {
            unreachable = "PostgreSQL tests skipped: no server at " + URL + " as " + USER + " (" + e.getMessage()
                    + "). Run tools/postgres.sh or set OPTIMLAB_TEST_POSTGRES_URL.";
            // in the build log too, where a skipped class would otherwise go unnoticed
            System.err.println(unreachable);
            return;
        }
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        app = new SpringApplication(Application.class).run("--spring.profiles.active=postgres", "--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD,
                "--spring.flyway.schemas=" + SCHEMA, "--spring.flyway.create-schemas=true", "--spring.main.banner-mode=off",
                "--vaadin.launch-browser=false");
    }

    @BeforeEach
    void needsServer() {
        Assumptions.assumeTrue(unreachable == null, () -> unreachable);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (app == null) {
            return;
        }
        app.close();
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("drop schema " + SCHEMA + " cascade");
        }
    }

    @Test
    @DisplayName("every migration is applied on PostgreSQL, and the entities validate against the tables they made")
    void migrationsApplied() {
        Flyway flyway = app.getBean(Flyway.class);
        assertThat(flyway.info().all()).isNotEmpty().allSatisfy(m -> assertThat(m.getState().isApplied()).as(m.getScript()).isTrue());
        // the first applied entry is Flyway's own "schema created" marker, which has no version
        assertThat(Arrays.stream(flyway.info().applied()).filter(m -> m.getVersion() != null).map(m -> m.getVersion().getVersion()))
                .contains("1", "3", "4", "5");
    }

    @Test
    @DisplayName("accounts, classrooms, memberships, due dates and graded attempts round-trip through PostgreSQL")
    void roundTrips() {
        UserAccountRepository users = app.getBean(UserAccountRepository.class);
        ClassroomService classrooms = app.getBean(ClassroomService.class);
        Instant created = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UserAccount teacher = users.save(new UserAccount("pg-teacher", "Teacher", "{noop}x", Role.INSTRUCTOR, created));
        UserAccount learner = users.save(new UserAccount("pg-learner", "学生", "{noop}x", Role.LEARNER, created));
        assertThat(users.findByUsername("pg-learner").orElseThrow().displayName()).isEqualTo("学生");
        assertThat(users.findByUsername("pg-teacher").orElseThrow().createdAt()).isEqualTo(created);

        Classroom classroom = classrooms.create(teacher, "Postgres class");
        assertThat(classrooms.join(learner.id(), classroom.joinCode().toLowerCase(Locale.ROOT))).isEqualTo(new JoinResult.Joined(classroom, false));
        Instant due = Instant.parse("2020-01-01T00:00:00Z");
        classrooms.setDueDate(classroom.id(), "01-training-loop", due);
        assertThat(classrooms.dueFor(learner.id(), "01-training-loop")).contains(due);
        assertThat(classrooms.importRoster(classroom.id(), new StringReader("pg-new,新同学\n")).created()).hasSize(1);
        assertThat(classrooms.roster(classroom.id())).extracting(m -> m.username()).containsExactly("pg-learner", "pg-new");

        var exercise = app.getBean(CourseExercises.class).all().getFirst();
        var attempt = app.getBean(ProgressService.class).submit(learner.id(), exercise, exercise.starter(), Lang.EN);
        assertThat(attempt.late()).as("an attempt after the classroom's due date is late").isTrue();
        assertThat(app.getBean(ProgressService.class).attempts(learner.id(), exercise.id())).extracting(a -> a.id()).containsExactly(attempt.id());
        assertThat(attempt.verdict().gradable()).isTrue();
    }

    @Test
    @DisplayName("the admin's site settings and an account's dark mode and language round-trip through PostgreSQL")
    void settingsAndPreferencesRoundTrip() {
        SiteSettingsService settings = app.getBean(SiteSettingsService.class);
        assertThat(settings.saved()).isEmpty();
        settings.changeGuestAccess(false, 4, "pg-admin");
        assertThat(settings.saved().orElseThrow().guestRunsPerAddress()).isEqualTo(4);
        settings.changeGuestAccess(true, 9, "pg-admin");
        assertThat(settings.saved().orElseThrow().guestsMayRun()).isTrue();
        assertThat(settings.restoreDefaults()).isEqualTo(settings.guestAccess());
        assertThat(settings.saved()).isEmpty();

        UserAccountRepository users = app.getBean(UserAccountRepository.class);
        AccountService accounts = app.getBean(AccountService.class);
        users.save(new UserAccount("pg-prefs", "Prefs", "{noop}x", Role.LEARNER, Instant.now()));
        accounts.rememberColorScheme("pg-prefs", true);
        accounts.rememberLanguage("pg-prefs", Locale.SIMPLIFIED_CHINESE);
        UserAccount stored = users.findByUsername("pg-prefs").orElseThrow();
        assertThat(stored.prefersDark()).contains(true);
        assertThat(stored.uiLanguage()).contains(Locale.SIMPLIFIED_CHINESE);
    }
}
