package dev.optimlab.progress;

import dev.optimlab.course.Exercise;
import dev.optimlab.course.Lang;
import dev.optimlab.course.Verdict;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.event.TransactionalEventListener;

/** A file database in a temporary folder and a grader whose score the test program states. */
final class ProgressTestSupport {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static final Path DATA = temporaryFolder();

    private ProgressTestSupport() {
    }

    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("optimlab"));
        registry.add("server.port", () -> "0");
    }

    static long newLearner(UserAccountRepository users) {
        String name = "learner" + USERS.incrementAndGet();
        return users.save(new UserAccount(name, name, "{noop}unused-password", Role.LEARNER, Instant.now())).id();
    }

    private static Path temporaryFolder() {
        try {
            Path dir = Files.createTempDirectory("optimlab-progress-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Grades {@code "# score 0.5"} as 0.5 and {@code "# ungradable"} as a fault in the checks, so tests choose
     * the verdict without running a program.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class StatedScores {

        private static final Pattern SCORE = Pattern.compile("# score ([0-9.]+)");

        @Bean
        @Primary
        AttemptGrader statedScoreGrader() {
            return (long userId, Exercise exercise, String code, Lang lang) -> {
                if (code.contains("# ungradable")) {
                    return new Verdict(false, 0, 0, 0, "checks.py failed", List.of(), "", 1);
                }
                Matcher m = SCORE.matcher(code);
                double score = m.find() ? Double.parseDouble(m.group(1)) : 0;
                int points = (int) Math.round(score * 4);
                return new Verdict(true, score, points, 4, "stated", List.of(
                        new Verdict.Check("stated", points, 4, score == 1, score == 1 ? "" : "not yet", false)), "out\n", 3);
            };
        }

        @Bean
        RecordedEvents recordedEvents() {
            return new RecordedEvents();
        }
    }

    /** The AttemptRecorded events seen after commit. */
    static class RecordedEvents {
        final List<AttemptRecorded> seen = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(AttemptRecorded event) {
            seen.add(event);
        }
    }
}
