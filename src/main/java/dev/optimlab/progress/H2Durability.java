package dev.optimlab.progress;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes an acknowledged attempt durable on the embedded H2 database. H2 keeps commits in memory for up to
 * {@code WRITE_DELAY} (500 ms by default), so a killed process could lose attempts a learner already saw saved;
 * with {@code WRITE_DELAY 0} each commit is written to the database file before it returns (set here at start-up,
 * whatever the datasource URL says). {@code optimlab.progress.fsync-each-attempt} adds {@code CHECKPOINT SYNC}
 * after each attempt, so attempts also survive an operating-system crash or power loss, at the cost measured in
 * docs/benchmarks.md. On other databases (PostgreSQL) commits are durable already and this does nothing.
 */
@Component
class H2Durability {

    private static final Logger LOG = LoggerFactory.getLogger(H2Durability.class);

    private final DataSource dataSource;
    private final boolean h2;
    private final boolean fsyncEachAttempt;

    H2Durability(DataSource dataSource, @Value("${optimlab.progress.fsync-each-attempt:false}") boolean fsyncEachAttempt)
            throws SQLException {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.h2 = c.getMetaData().getDatabaseProductName().equals("H2");
            if (h2) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET WRITE_DELAY 0");
                }
            }
        }
        this.fsyncEachAttempt = h2 && fsyncEachAttempt;
    }

    /** Called after an attempt's transaction committed: forces it to the disk when so configured. */
    void attemptCommitted() {
        if (!fsyncEachAttempt) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            // the attempt is committed and written to the file; only the fsync failed
            LOG.warn("CHECKPOINT SYNC after an attempt failed", e);
        }
    }
}
