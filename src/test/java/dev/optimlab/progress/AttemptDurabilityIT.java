package dev.optimlab.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.app.Application;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test of issue 8, end to end: the real app in a child JVM on a file database, a burst of 100 gradings
 * from 4 API clients (one learner and token each, made by the {@code users bulk} command), the server killed with
 * SIGKILL after the 30th acknowledgement, and every attempt acknowledged with a 200 found in the database, which
 * opens cleanly.
 */
@DisplayName("Attempts acknowledged over HTTP before a kill -9 of the server")
class AttemptDurabilityIT {

    private static final int ATTEMPTS = 100;
    private static final int CLIENTS = 4;
    private static final int KILL_AFTER = 30;
    private static final String EXERCISE = "zero-grad-missing";

    @TempDir
    Path dir;

    private Process server;

    @AfterEach
    void stopServer() {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
        }
    }

    private String databaseUrl() {
        return "jdbc:h2:file:" + dir.resolve("data/optimlab");
    }

    private ProcessBuilder java(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", System.getProperty("java.class.path"), Application.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    @DisplayName("are all in the database, which opens cleanly")
    void survive() throws Exception {
        Path tokensCsv = dir.resolve("tokens.csv");
        Process users = java("users", "users", "bulk", Integer.toString(CLIENTS), "--prefix", "burst", "--tokens", tokensCsv.toString(),
                "--spring.datasource.url=" + databaseUrl()).start();
        assertThat(users.waitFor(5, TimeUnit.MINUTES)).as("users bulk finished").isTrue();
        assertThat(users.exitValue()).as("users bulk (see %s)", dir.resolve("users.err")).isZero();
        List<String> tokens = Files.readAllLines(tokensCsv).stream().skip(1).map(line -> line.split(",")[2]).toList();
        assertThat(tokens).hasSize(CLIENTS);

        int port = freePort();
        server = java("server", "--server.port=" + port, "--spring.datasource.url=" + databaseUrl(),
                "--optimlab.admin.password=a-long-admin-password", "--optimlab.backup-dir=" + dir.resolve("backups"),
                "--optimlab.api.rate-limit.capacity=" + ATTEMPTS, "--logging.level.root=WARN").start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        awaitHealthy(http, port);

        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong retries = new AtomicLong();
        CountDownLatch enough = new CountDownLatch(KILL_AFTER);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (String token : tokens) {
            clients.execute(() -> {
                for (int i = next.getAndIncrement(); i < ATTEMPTS; i = next.getAndIncrement()) {
                    String marker = "burst-" + i;
                    while (true) {
                        HttpResponse<String> response;
                        try {
                            response = http.send(gradeRequest(port, token, "# " + marker + "\nx = " + i + "\n"),
                                    HttpResponse.BodyHandlers.ofString());
                        } catch (IOException | InterruptedException e) {
                            return; // the server is gone: nothing more can be acknowledged
                        }
                        if (response.statusCode() == 429 || response.statusCode() == 503) {
                            retries.incrementAndGet();
                            try {
                                Thread.sleep(100); // refused before anything was stored; this client tries the same attempt again
                            } catch (InterruptedException e) {
                                return;
                            }
                            continue;
                        }
                        if (response.statusCode() == 200) {
                            String location = response.headers().firstValue("Content-Location").orElseThrow();
                            acknowledged.put(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)), marker);
                            enough.countDown();
                        }
                        break;
                    }
                }
            });
        }
        clients.shutdown();
        assertThat(enough.await(5, TimeUnit.MINUTES)).as("%d attempts acknowledged (see %s)", KILL_AFTER, dir.resolve("server.err")).isTrue();
        server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no H2 close
        server.waitFor();
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).as("every client noticed the server is gone").isTrue();
        Map<Long, String> acknowledgedBeforeKill = new HashMap<>(acknowledged);
        assertThat(acknowledgedBeforeKill).hasSizeGreaterThanOrEqualTo(KILL_AFTER);

        Map<Long, String> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(databaseUrl() + ";IFEXISTS=TRUE", "sa", "");
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select id, code from attempts")) {
                while (rs.next()) {
                    stored.put(rs.getLong(1), rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("select count(*) from \"flyway_schema_history\" where not \"success\"")) {
                rs.next();
                assertThat(rs.getInt(1)).as("failed migrations").isZero();
            }
        }
        for (Map.Entry<Long, String> ack : acknowledgedBeforeKill.entrySet()) {
            assertThat(stored).as("acknowledged attempt %d", ack.getKey()).containsKey(ack.getKey());
            assertThat(stored.get(ack.getKey())).startsWith("# " + ack.getValue() + "\n");
        }
        assertThat(stored.size()).as("the kill came mid-burst").isLessThan(ATTEMPTS);
        System.out.printf("acknowledged %d, stored %d (%d committed but not acknowledged when killed), %d retries after 429/503%n",
                acknowledgedBeforeKill.size(), stored.size(), stored.size() - acknowledgedBeforeKill.size(), retries.get());
    }

    private static HttpRequest gradeRequest(int port, String token, String code) {
        String body = "{\"code\": \"" + code.replace("\n", "\\n") + "\"}";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/exercises/" + EXERCISE + "/grade"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(1)).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private void awaitHealthy(HttpClient http, int port) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server is starting (see %s)", dir.resolve("server.err")).isTrue();
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not become healthy within 5 minutes (see " + dir.resolve("server.err") + ")");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
