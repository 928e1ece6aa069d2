package dev.optimlab.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.optimlab.app.Application;
import dev.optimlab.course.Exercise;
import dev.optimlab.progress.CourseExercises;
import dev.optimlab.security.ApiTokens;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"optimlab.api.rate-limit.capacity=3", "optimlab.api.rate-limit.refill-seconds=3600"})
@DisplayName("The grading API")
class GradingApiTest {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("optimlab-api-test");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("optimlab"));
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    CourseExercises exercises;
    @Autowired
    ApiTokens tokens;
    @Autowired
    MeterRegistry meters;

    MockMvc mvc;
    String learner;
    Exercise exercise;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        learner = newAccount();
        exercise = exercises.find("zero-grad-missing").orElseThrow();
    }

    /** A new learner's API token, as the profile page hands it out. */
    private String newAccount() {
        String name = "api-learner" + USERS.incrementAndGet();
        UserAccount account = accounts.save(new UserAccount(name, name, "{noop}unused-password", Role.LEARNER, Instant.now()));
        return tokens.create(account, "test").secret();
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletRequestBuilder grade(String exerciseId, String body, String as) {
        return as(post("/api/v1/exercises/{id}/grade", exerciseId).contentType(MediaType.APPLICATION_JSON).content(body), as);
    }

    private static String body(String code) {
        return JSON.writeValueAsString(java.util.Map.of("code", code));
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString());
    }

    private static void assertProblem(MockHttpServletResponse response, int status, String detailPart) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).contains(detailPart);
    }

    @Nested
    @DisplayName("grading a program")
    class Grading {

        @Test
        @DisplayName("answers 200 with the verdict JSON and stores it as the caller's attempt")
        void grades() throws Exception {
            MockHttpServletResponse response = perform(grade(exercise.id(), body(exercise.solution()), learner));
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode verdict = json(response);
            assertThat(verdict.path("gradable").asBoolean()).isTrue();
            assertThat(verdict.path("score").asDouble()).isEqualTo(1.0);
            assertThat(verdict.has("checks")).isTrue();
            String location = response.getHeader("Content-Location");
            assertThat(location).startsWith("/api/v1/attempts/");

            JsonNode stored = json(perform(as(get(location), learner)));
            assertThat(stored.path("code").asString()).isEqualTo(exercise.solution());
            assertThat(stored.path("verdict")).isEqualTo(verdict);
            JsonNode mine = json(perform(as(get("/api/v1/me/attempts").param("exercise", exercise.id()), learner)));
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).path("verdict")).isEqualTo(verdict);
        }

        @Test
        @DisplayName("times each stage of the grade, from the queue to the stored attempt")
        void timesStages() throws Exception {
            long before = meters.find("optimlab.grade.total").timers().stream().mapToLong(Timer::count).sum();
            assertThat(perform(grade(exercise.id(), body(exercise.solution()), learner)).getStatus()).isEqualTo(200);
            assertThat(meters.find("optimlab.grade.total").timer().count()).isEqualTo(before + 1);
            for (String stage : List.of("queued", "started", "program_ended", "checks_done", "verdict_handed", "stored",
                    "answered")) {
                Timer timer = meters.find("optimlab.grade.stage").tag("stage", stage).timer();
                assertThat(timer).as(stage).isNotNull();
                assertThat(timer.count()).as(stage).isPositive();
            }
        }

        @Test
        @DisplayName("gives the feedback in Chinese when lang is zh")
        void chinese() throws Exception {
            MockHttpServletResponse response = perform(grade(exercise.id(), "{\"code\": \"x = 1\\n\", \"lang\": \"zh\"}", learner));
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(json(response).path("message").asString()).containsPattern("\\p{IsHan}");
        }
    }

    @Nested
    @DisplayName("refusing a request")
    class Refusing {

        @Test
        @DisplayName("answers 400 with a problem detail for malformed JSON")
        void malformedJson() throws Exception {
            assertProblem(perform(grade(exercise.id(), "{\"code\": ", learner)), 400, "");
        }

        @Test
        @DisplayName("answers 400 when the body has no code")
        void missingCode() throws Exception {
            assertProblem(perform(grade(exercise.id(), "{\"lang\": \"en\"}", learner)), 400, "\"code\"");
        }

        @Test
        @DisplayName("answers 400 for code over 100 KiB, saying the limit")
        void tooLarge() throws Exception {
            assertProblem(perform(grade(exercise.id(), body("#".repeat(100 * 1024 + 1)), learner)), 400, "100 KiB");
        }

        @Test
        @DisplayName("answers 400 for a language other than en or zh")
        void unknownLang() throws Exception {
            assertProblem(perform(grade(exercise.id(), "{\"code\": \"x = 1\", \"lang\": \"fr\"}", learner)), 400, "\"fr\"");
        }

        @Test
        @DisplayName("answers 404 for an unknown exercise")
        void unknownExercise() throws Exception {
            assertProblem(perform(grade("no-such-exercise", body("x = 1"), learner)), 404, "no-such-exercise");
        }

        @Test
        @DisplayName("answers 401 without a token, with WWW-Authenticate: Bearer")
        void anonymous() throws Exception {
            MockHttpServletResponse response = perform(grade(exercise.id(), body("x = 1"), null));
            assertProblem(response, 401, "Bearer");
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        }

        @Test
        @DisplayName("answers 401 for an unknown token")
        void unknownToken() throws Exception {
            assertProblem(perform(grade(exercise.id(), body("x = 1"), "olt_not-a-real-token")), 401, "unknown");
        }

        @Test
        @DisplayName("counts the rate limit per token: a second token of the same account has its own")
        void perToken() throws Exception {
            UserAccount account = accounts.save(new UserAccount("api-two-tokens", "Two", "{noop}unused-password", Role.LEARNER,
                    Instant.now()));
            String first = tokens.create(account, "first").secret();
            String second = tokens.create(account, "second").secret();
            for (int i = 0; i < 3; i++) {
                perform(grade(exercise.id(), body("x = 1\n"), first));
            }
            assertThat(perform(grade(exercise.id(), body("x = 1\n"), first)).getStatus()).isEqualTo(429);
            assertThat(perform(grade(exercise.id(), body("x = 1\n"), second)).getStatus()).isEqualTo(200);
        }

        @Test
        @DisplayName("answers 429 with Retry-After once the caller's burst is used up")
        void rateLimited() throws Exception {
            String caller = newAccount();
            for (int i = 0; i < 3; i++) {
                assertThat(perform(grade(exercise.id(), body("x = 1\n"), caller)).getStatus()).isEqualTo(200);
            }
            MockHttpServletResponse limited = perform(grade(exercise.id(), body("x = 1\n"), caller));
            assertProblem(limited, 429, "retry after");
            assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isPositive();
            assertThat(perform(grade(exercise.id(), body("x = 1\n"), newAccount())).getStatus()).isEqualTo(200);
        }

        @Test
        @DisplayName("answers a known route with the wrong method with a 405 problem and Allow")
        void wrongMethod() throws Exception {
            MockHttpServletResponse response = perform(as(get("/api/v1/exercises/{id}/grade", exercise.id()), learner));
            assertProblem(response, 405, "POST");
            assertThat(response.getHeader("Allow")).isEqualTo("POST");
        }

        @Test
        @DisplayName("answers an unknown route under /api with a 404 problem, not an HTML page")
        void unknownRoute() throws Exception {
            assertProblem(perform(as(get("/api/v1/no-such-route").accept(MediaType.TEXT_HTML), learner)), 404, "/api/docs");
        }
    }

    @Nested
    @DisplayName("another learner's attempts")
    class Privacy {

        @Test
        @DisplayName("are refused with 403 by id and absent from the list")
        void notReadable() throws Exception {
            String location = perform(grade(exercise.id(), body("x = 1\n"), learner)).getHeader("Content-Location");
            String other = newAccount();
            assertProblem(perform(as(get(location), other)), 403, "another account");
            assertThat(json(perform(as(get("/api/v1/me/attempts").param("exercise", exercise.id()), other)))).isEmpty();
        }

        @Test
        @DisplayName("an attempt id that does not exist is 404")
        void missing() throws Exception {
            assertProblem(perform(as(get("/api/v1/attempts/999999999"), learner)), 404, "999999999");
        }
    }

    @Test
    @DisplayName("the OpenAPI description lists the grading route")
    void openApi() throws Exception {
        MockHttpServletResponse response = perform(get("/api/docs.json"));
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode paths = json(response).path("paths");
        assertThat(paths.has("/api/v1/exercises/{id}/grade")).isTrue();
        assertThat(paths.has("/api/v1/me/attempts")).isTrue();
        assertThat(perform(get("/api/docs")).getStatus()).isBetween(300, 399);
    }
}
