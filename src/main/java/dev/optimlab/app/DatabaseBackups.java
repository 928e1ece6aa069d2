package dev.optimlab.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Backups of the running app's H2 database into {@code optimlab.backup-dir} (default {@code ./data/backups}),
 * with H2's {@code BACKUP TO}, which copies a consistent state while the app keeps serving. The files are what
 * {@code optimlab restore FILE.zip} puts back.
 */
@Component
class DatabaseBackups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Path folder;

    DatabaseBackups(DataSource dataSource, @Value("${optimlab.backup-dir:data/backups}") String folder) {
        this.dataSource = dataSource;
        this.folder = Path.of(folder);
    }

    /** Writes a new backup and returns its file; refuses on a database that is not H2. */
    synchronized Path backupNow() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            if (!c.getMetaData().getDatabaseProductName().equals("H2")) {
                throw new IllegalStateException("backups here are for the embedded H2 database; back up PostgreSQL with pg_dump");
            }
            Files.createDirectories(folder);
            Path file = folder.resolve("optimlab-" + STAMP.format(Instant.now()) + ".zip").toAbsolutePath();
            for (int n = 2; Files.exists(file); n++) {
                file = folder.resolve("optimlab-" + STAMP.format(Instant.now()) + "-" + n + ".zip").toAbsolutePath();
            }
            st.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            return file;
        } catch (SQLException e) {
            throw new IllegalStateException("the backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The backups made so far, newest first. */
    List<Path> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path folder() {
        return folder.toAbsolutePath();
    }
}
