package dev.optimlab.progress;

import dev.optimlab.app.Application;
import dev.optimlab.course.Exercise;
import dev.optimlab.course.Lang;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The process {@link AttemptDurabilityIT} kills: starts the app on a file database, then submits attempts from
 * several threads and prints {@code ACK id marker} for each one as soon as {@code submit} has returned, which is
 * when a learner would see it saved.
 */
final class AttemptBurst {

    private AttemptBurst() {
    }

    public static void main(String[] args) throws Exception {
        String database = args[0];
        int attempts = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        ConfigurableApplicationContext app = new SpringApplication(Application.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + database, "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--vaadin.launch-browser=false");
        long learner = app.getBean(UserAccountRepository.class)
                .save(new UserAccount("burst", "Burst", "{noop}unused-password", Role.LEARNER, Instant.now())).id();
        ProgressService progress = app.getBean(ProgressService.class);
        Exercise exercise = app.getBean(CourseExercises.class).find("zero-grad-missing").orElseThrow();
        out.println("READY");
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < attempts; i = next.getAndIncrement()) {
                    String marker = "burst-" + i;
                    StoredAttempt stored = progress.submit(learner, exercise, "# " + marker + "\nx = " + i + "\n", Lang.EN);
                    out.println("ACK " + stored.id() + " " + marker);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        out.println("DONE");
        app.close();
    }
}
