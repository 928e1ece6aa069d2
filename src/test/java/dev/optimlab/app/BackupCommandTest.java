package dev.optimlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The backup and restore commands")
class BackupCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private String url;

    @BeforeEach
    void database() throws Exception {
        url = "jdbc:h2:file:" + dir.resolve("data/optimlab");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("create table attempts (id bigint primary key, code varchar(100))");
            st.execute("insert into attempts values (1, 'print(1)'), (2, 'print(2)')");
        }
    }

    private int backup(String... args) {
        return BackupCommand.backup(args, Map.of(), outStream, errStream);
    }

    private int restore(String... args) {
        return BackupCommand.restore(args, outStream, errStream);
    }

    @Test
    @DisplayName("a backup while another process holds the database says in one line to use /admin/backups or stop the app")
    void databaseInUse() throws Exception {
        Path zip = dir.resolve("while-running.zip");
        try (Connection held = DriverManager.getConnection(url, "sa", "")) {
            // this JVM plays the running app; the command runs in a second one, as `java -jar optimlab.jar backup` would
            Process command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Application.class.getName(), "backup", zip.toString(), "--url", url)
                    .redirectOutput(dir.resolve("backup.out").toFile()).redirectError(dir.resolve("backup.err").toFile()).start();
            assertThat(command.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).as("the command finished").isTrue();
            assertThat(command.exitValue()).isEqualTo(3);
        }
        assertThat(Files.readAllLines(dir.resolve("backup.err"))).containsExactly("optimlab backup: the running app holds " + url
                + " (H2 lets one process open it); back it up from the app's admin page /admin/backups, or stop the app and run this command again");
        assertThat(dir.resolve("backup.out")).isEmptyFile();
        assertThat(zip).doesNotExist();
    }

    @Test
    @DisplayName("a backup restored into an empty folder opens with every row")
    void roundTrip() throws Exception {
        Path zip = dir.resolve("backup.zip");
        assertThat(backup(zip.toString(), "--url", url)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(zip).isRegularFile();

        Path restored = dir.resolve("restored");
        assertThat(restore(zip.toString(), "--data-dir", restored.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("optimlab") + ";IFEXISTS=TRUE", "sa", "");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select code from attempts order by id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("print(1)");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("print(2)");
        }
    }

    @Test
    @DisplayName("restore refuses to replace an existing database unless forced")
    void restoreKeepsExisting() throws Exception {
        Path zip = dir.resolve("backup.zip");
        backup(zip.toString(), "--url", url);
        assertThat(restore(zip.toString(), "--data-dir", dir.resolve("data").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists").contains("--force");
        assertThat(restore(zip.toString(), "--data-dir", dir.resolve("data").toString(), "--force")).isZero();
    }

    @Test
    @DisplayName("backing up a database that does not exist fails instead of saving an empty one")
    void missingDatabase() {
        assertThat(backup(dir.resolve("b.zip").toString(), "--url", "jdbc:h2:file:" + dir.resolve("nothing/here"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot back up");
        assertThat(dir.resolve("nothing")).doesNotExist();
    }

    @Test
    @DisplayName("backup never overwrites an earlier backup file")
    void keepsEarlierBackup() throws Exception {
        Path zip = Files.writeString(dir.resolve("old.zip"), "earlier");
        assertThat(backup(zip.toString(), "--url", url)).isEqualTo(2);
        assertThat(Files.readString(zip)).isEqualTo("earlier");
    }

    @Test
    @DisplayName("restore says so when the zip is not a backup of this app")
    void notABackup() throws Exception {
        Path zip = dir.resolve("other.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            z.write("hi".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(restore(zip.toString(), "--data-dir", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds no optimlab.mv.db");
    }

    @Test
    @DisplayName("both commands are listed by help")
    void listed() {
        CommandLine commandLine = new CommandLine(outStream, errStream);
        assertThat(commandLine.run(new String[] {"help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("backup FILE.zip").contains("restore FILE.zip");
    }
}
