package dev.optimlab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What it costs to store one attempt durably in the H2 file database: the transaction ProgressService commits
 * (insert the attempt, update the exercise's progress row) on the real migrations, with H2's default write delay
 * (500 ms: a commit may sit in memory that long), with WRITE_DELAY=0 (each commit is written to the file, so it
 * survives the process being killed), and with WRITE_DELAY=0 plus CHECKPOINT SYNC (fsync: survives power loss).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AttemptDurabilityBench {

    @Param({"default-500ms", "write-delay-0", "write-delay-0+fsync"})
    String durability;

    private static final String CODE = "import torch\n" + "x = torch.zeros(10)\n".repeat(100);
    private static final String VERDICT = "{\"gradable\": true, \"score\": 0.5, \"output\": \"" + "loss 0.1234\\n".repeat(250) + "\"}";

    private Path dir;
    private Connection connection;
    private PreparedStatement insertAttempt;
    private PreparedStatement updateProgress;
    private Statement checkpoint;
    private long userId;

    @Setup
    public void open() throws Exception {
        dir = Files.createTempDirectory("optimlab-durability-bench");
        String url = "jdbc:h2:file:" + dir.resolve("optimlab") + (durability.equals("default-500ms") ? "" : ";WRITE_DELAY=0");
        connection = DriverManager.getConnection(url, "sa", "");
        try (Statement st = connection.createStatement()) {
            st.execute(resource("db/migration/V1__users.sql"));
            st.execute(resource("db/migration/V3__progress.sql"));
            st.execute("insert into users (username, display_name, password_hash, role, created_at) "
                    + "values ('bench', 'Bench', 'x', 'LEARNER', current_timestamp)");
            try (ResultSet rs = st.executeQuery("select id from users")) {
                rs.next();
                userId = rs.getLong(1);
            }
            st.execute("insert into exercise_progress (user_id, exercise_id, best_score, attempts, last_activity) values ("
                    + userId + ", 'zero-grad-missing', 0, 0, current_timestamp)");
        }
        connection.setAutoCommit(false);
        insertAttempt = connection.prepareStatement("insert into attempts (user_id, exercise_id, content_hash, code, "
                + "verdict_json, gradable, score, duration_ms, late, created_at) values (?, 'zero-grad-missing', ?, ?, ?, "
                + "true, 0.5, 120, false, ?)");
        updateProgress = connection.prepareStatement("update exercise_progress set attempts = attempts + 1, "
                + "best_score = greatest(best_score, 0.5), last_activity = ? where user_id = ? and exercise_id = 'zero-grad-missing'");
        checkpoint = connection.createStatement();
    }

    @Benchmark
    public void storeAttempt() throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        insertAttempt.setLong(1, userId);
        insertAttempt.setString(2, "0".repeat(64));
        insertAttempt.setString(3, CODE);
        insertAttempt.setString(4, VERDICT);
        insertAttempt.setTimestamp(5, now);
        insertAttempt.executeUpdate();
        updateProgress.setTimestamp(1, now);
        updateProgress.setLong(2, userId);
        updateProgress.executeUpdate();
        connection.commit();
        if (durability.endsWith("fsync")) {
            checkpoint.execute("CHECKPOINT SYNC");
        }
    }

    @TearDown
    public void close() throws Exception {
        connection.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String resource(String name) {
        try (InputStream in = AttemptDurabilityBench.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
