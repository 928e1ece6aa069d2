package dev.optimlab.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test of issue 8: a burst of 100 attempts from 4 threads, the JVM killed with SIGKILL mid-burst, and
 * every attempt acknowledged before the kill found in the database, which opens cleanly.
 */
@DisplayName("Attempts acknowledged before a kill -9")
class AttemptDurabilityIT {

    private static final int ATTEMPTS = 100;
    private static final int KILL_AFTER = 30;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    @DisplayName("are all in the database after the restart")
    void survive() throws Exception {
        Path database = dir.resolve("data/optimlab");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AttemptBurst.class.getName(), database.toString(),
                Integer.toString(ATTEMPTS), "4")
                .redirectError(dir.resolve("child.err").toFile()).start();
        Map<Long, String> acknowledged = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acknowledged.put(Long.parseLong(parts[1]), parts[2]);
                    if (acknowledged.size() == KILL_AFTER) {
                        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no H2 close
                        break; // killing the child closes its output; later lines are lost with it
                    }
                }
            }
        }
        child.waitFor();
        assertThat(acknowledged).as("attempts acknowledged before the kill (see %s)", dir.resolve("child.err"))
                .hasSizeGreaterThanOrEqualTo(KILL_AFTER);
        assertThat(child.exitValue()).as("the child was killed, not finished").isNotZero();

        Map<Long, String> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database + ";IFEXISTS=TRUE", "sa", "");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select id, code from attempts")) {
            while (rs.next()) {
                stored.put(rs.getLong(1), rs.getString(2));
            }
        }
        for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
            assertThat(stored).as("acknowledged attempt %d", ack.getKey()).containsKey(ack.getKey());
            assertThat(stored.get(ack.getKey())).startsWith("# " + ack.getValue() + "\n");
        }
        assertThat(stored.size()).isLessThan(ATTEMPTS);
        List<Long> lost = stored.keySet().stream().filter(id -> !acknowledged.containsKey(id)).toList();
        System.out.printf("acknowledged %d, stored %d (of which %d committed but not yet acknowledged when killed)%n",
                acknowledged.size(), stored.size(), lost.size());
    }
}
