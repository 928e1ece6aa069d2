package dev.optimlab.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link DashboardProbe} beside {@code LoadBenchmark --dashboards CLASSPATH_FILE}: creates its instructor
 * through the {@code users create} command before the app starts (the app holds the H2 file while it runs) and
 * starts the probe in its own JVM with the bench class path, so the load generator stays a single JDK-only source file
 * and the probe's CPU is counted apart from the generator's. CLASSPATH_FILE is the output of
 * {@code dependency:build-classpath} for the bench profile's test scope.
 */
final class DashboardProbeLauncher {

    static final String INSTRUCTOR = "probe-teacher";
    static final String PASSWORD = "probe-teacher-pw";

    private final Path classpathFile;
    private Process probe;

    DashboardProbeLauncher(Path classpathFile) {
        this.classpathFile = classpathFile.toAbsolutePath();
    }

    /** Creates the probe's instructor; call before the app starts. An instructor left from an earlier run is kept. */
    void prepare(Path jar, Path dir, List<String> appArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString(), "users", "create", INSTRUCTOR,
                "--role", "INSTRUCTOR", "--password", PASSWORD));
        command.addAll(appArgs);
        Process users = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("probe-users.log").toFile()).start();
        if (!users.waitFor(5, TimeUnit.MINUTES)) {
            users.destroyForcibly();
            throw new IllegalStateException("creating the probe's instructor hung; see " + dir.resolve("probe-users.log"));
        }
    }

    /** Starts the probe against the running app; it signs in and builds its classroom, then waits for {@link #go}. */
    void start(String base, Path dir, int roster) throws IOException {
        String classpath = String.join(java.io.File.pathSeparator, Path.of("target", "test-classes").toAbsolutePath().toString(),
                Path.of("target", "classes").toAbsolutePath().toString(), Files.readString(classpathFile).strip());
        probe = new ProcessBuilder(java(), "-Xmx256m", "-cp", classpath, "dev.optimlab.load.DashboardProbe", "--base", base,
                "--tokens", dir.resolve("tokens.csv").toString(), "--roster", String.valueOf(roster), "--instructor", INSTRUCTOR,
                "--password", PASSWORD).redirectErrorStream(true).redirectOutput(dir.resolve("probe.log").toFile()).start();
    }

    /** The load window starts now: the probe measures until it ends (or from when its setup is done, if later). */
    void go(Duration window) throws IOException {
        if (!probe.isAlive()) {
            return;
        }
        probe.outputWriter().write("go " + (System.currentTimeMillis() + window.toMillis()) + "\n");
        probe.outputWriter().flush();
    }

    /** Waits for the probe to end and prints its figures. */
    void finish(Path dir) throws IOException, InterruptedException {
        if (!probe.waitFor(5, TimeUnit.MINUTES)) {
            probe.destroyForcibly();
        }
        System.out.println(Files.readString(dir.resolve("probe.log")).lines()
                .filter(l -> l.startsWith("dashboard") || l.startsWith("  ") || l.startsWith("Exception"))
                .reduce("", (a, b) -> a + b + "\n"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
