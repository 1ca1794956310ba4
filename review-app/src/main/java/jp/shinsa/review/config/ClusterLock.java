package jp.shinsa.review.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A PostgreSQL session advisory lock: one holder at a time among every workbench instance on the same
 * database. For start-up work that checks and then creates (seed data, the first admin, the default
 * models), which two instances started at once must not both do. The lock goes with the connection,
 * so a killed holder releases it too.
 */
public final class ClusterLock implements AutoCloseable {
    /** Start-up seeding (programs, users, demo data). */
    public static final long STARTUP = 0x5348494E53410001L;
    /** The default models trained at first start. */
    public static final long DEFAULT_MODELS = 0x5348494E53410002L;

    private final Connection connection;
    private final long key;

    private ClusterLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** Waits until the lock {@code key} is free and takes it, on a connection of its own. */
    public static ClusterLock acquire(DataSource dataSource, long key) {
        try {
            Connection c = dataSource.getConnection();
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                s.setLong(1, key);
                s.execute();
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            return new ClusterLock(c, key);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the cluster lock " + key, e);
        }
    }

    @Override
    public void close() {
        try (Connection c = connection; PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, key);
            s.execute();
        } catch (SQLException e) {
            // Closing the connection (above) ends the session, and with it the lock.
        }
    }
}
