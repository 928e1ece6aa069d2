package dev.optimlab.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code optimlab backup FILE.zip} and {@code optimlab restore FILE.zip}: a consistent copy of the embedded H2
 * database through H2's {@code BACKUP TO}, and its unpacking into the data folder, as H2's own
 * {@code org.h2.tools.Backup}/{@code Restore} tools do. Both run with the app stopped (H2 locks its file while the
 * app holds it; a backup that finds the lock says so and exits with 3). The database is {@code SPRING_DATASOURCE_URL} when set, else {@code ./data/optimlab}, as the app's.
 */
final class BackupCommand {

    static final String BACKUP_SUMMARY = "copy the database into a zip (app stopped; while it runs use /admin/backups): backup FILE.zip [--url JDBC_URL]";
    static final String RESTORE_SUMMARY = "put a backup zip back as the database (app stopped): restore FILE.zip [--data-dir DIR] [--force]";

    static final String DEFAULT_URL = "jdbc:h2:file:./data/optimlab";
    private static final String DATABASE_FILE = "optimlab.mv.db";
    /** H2's {@code ErrorCode.DATABASE_ALREADY_OPEN_1}: another process has the database file locked. */
    static final int DATABASE_ALREADY_OPEN = 90020;

    private BackupCommand() {
    }

    static int backup(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        String url = env.getOrDefault("SPRING_DATASOURCE_URL", DEFAULT_URL);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--url") && i + 1 < args.length) {
                url = args[++i];
            } else if (args[i].startsWith("-")) {
                return usage(err, "backup", BACKUP_SUMMARY, "unknown option " + args[i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() != 1 || !positional.get(0).endsWith(".zip")) {
            return usage(err, "backup", BACKUP_SUMMARY, "expected one FILE.zip to write");
        }
        if (!url.startsWith("jdbc:h2:")) {
            err.println("optimlab backup: " + url + " is not an H2 database; back up PostgreSQL with pg_dump");
            return 2;
        }
        Path target = Path.of(positional.get(0)).toAbsolutePath();
        if (Files.exists(target)) {
            err.println("optimlab backup: " + target + " exists already; choose a new file name");
            return 2;
        }
        // IFEXISTS: a mistyped URL must fail instead of creating and backing up an empty database
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE",
                env.getOrDefault("SPRING_DATASOURCE_USERNAME", "sa"), env.getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
             Statement st = c.createStatement()) {
            st.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
                err.println("optimlab backup: the running app holds " + url + " (H2 lets one process open it);"
                        + " back it up from the app's admin page /admin/backups, or stop the app and run this command again");
                return 3;
            }
            err.println("optimlab backup: cannot back up " + url + ": " + firstLine(e.getMessage()));
            return 1;
        }
        out.println("backed up " + url + " to " + target);
        return 0;
    }

    static int restore(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        Path dataDir = Path.of("data");
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "restore", RESTORE_SUMMARY, "--data-dir takes a folder");
                    }
                    dataDir = Path.of(args[++i]);
                }
                case "--force" -> force = true;
                default -> {
                    if (args[i].startsWith("-")) {
                        return usage(err, "restore", RESTORE_SUMMARY, "unknown option " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (positional.size() != 1) {
            return usage(err, "restore", RESTORE_SUMMARY, "expected one backup FILE.zip");
        }
        Path zip = Path.of(positional.get(0));
        Path database = dataDir.resolve(DATABASE_FILE);
        if (Files.exists(database) && !force) {
            err.println("optimlab restore: " + database + " exists; move it away or pass --force to replace it");
            return 2;
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            boolean found = false;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(DATABASE_FILE)) {
                    Files.createDirectories(dataDir);
                    copy(in, database);
                    found = true;
                }
            }
            if (!found) {
                err.println("optimlab restore: " + zip + " holds no " + DATABASE_FILE + "; is it a backup of this app?");
                return 2;
            }
        } catch (IOException e) {
            err.println("optimlab restore: cannot read " + zip + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return 1;
        }
        out.println("restored " + database + " from " + zip);
        return 0;
    }

    /** Writes beside the target first, so an interrupted restore never leaves half a database file. */
    private static void copy(InputStream in, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".restoring");
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static int usage(PrintStream err, String command, String summary, String problem) {
        err.println("optimlab " + command + ": " + problem);
        err.println("usage: java -jar optimlab.jar " + summary.substring(summary.indexOf(command + " ")));
        return 2;
    }
}
