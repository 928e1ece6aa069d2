package dev.optimlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The users command against a file database in a temporary folder, checked with plain JDBC afterwards. */
class UsersCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("optimlab");
    }

    private int users(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--spring.datasource.url=" + url();
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(prepend("users", all));
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private String query(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(url(), "sa", ""); ResultSet rows = db.createStatement().executeQuery(sql)) {
            StringBuilder result = new StringBuilder();
            while (rows.next()) {
                result.append(rows.getString(1)).append('\n');
            }
            return result.toString();
        }
    }

    @Test
    @DisplayName("bulk creates learners with working passwords and tokens and writes them as CSV; grant then makes one an instructor")
    void bulkThenGrant() throws Exception {
        Path csv = dir.resolve("tokens.csv");
        assertThat(users("bulk", "3", "--prefix", "load", "--tokens", csv.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(4).first().isEqualTo("username,password,token");
        assertThat(lines.subList(1, 4)).extracting(l -> l.split(",")[0]).containsExactly("load1", "load2", "load3");
        for (String line : lines.subList(1, 4)) {
            String[] cells = line.split(",");
            String hash = query("select password_hash from users where username = '" + cells[0] + "'").strip();
            assertThat(new BCryptPasswordEncoder().matches(cells[1], hash.substring("{bcrypt}".length()))).isTrue();
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cells[2].getBytes(StandardCharsets.UTF_8)));
            assertThat(query("select u.username from api_tokens t join users u on u.id = t.user_id where t.token_hash = '" + sha256 + "'"))
                    .isEqualTo(cells[0] + "\n");
        }
        assertThat(query("select role from users where username like 'load%'")).isEqualTo("LEARNER\nLEARNER\nLEARNER\n");

        assertThat(users("grant", "load2", "instructor")).isZero();
        assertThat(query("select role from users where username = 'load2'")).isEqualTo("INSTRUCTOR\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("created 3 learners load1 to load3").contains("load2 is now INSTRUCTOR");
    }

    @Test
    @DisplayName("create with --generate prints a one-time password and, with --token, an API token")
    void createWithGeneratedPassword() throws Exception {
        assertThat(users("create", "teacher", "--display", "The Teacher", "--role", "INSTRUCTOR", "--generate", "--token"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("created teacher (INSTRUCTOR)").containsPattern("password: [A-Za-z0-9]{16}").contains("token: olt_");
        assertThat(query("select display_name || ',' || role || ',' || must_change_password from users where username = 'teacher'"))
                .isEqualTo("The Teacher,INSTRUCTOR,TRUE\n");
    }

    @Test
    @DisplayName("usage errors name the problem and exit 2 without touching a database")
    void usageErrors() {
        assertThat(users("create", "someone")).isEqualTo(2);
        assertThat(users("bulk", "many", "--prefix", "x")).isEqualTo(2);
        assertThat(users("grant", "someone", "KING")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("give either --password P or --generate")
                .contains("bulk takes a number of learners, not 'many'").contains("unknown role 'KING'");
        assertThat(Files.exists(dir.resolve("optimlab.mv.db"))).isFalse();
    }
}
