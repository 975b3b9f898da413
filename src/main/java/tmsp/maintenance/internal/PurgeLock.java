package tmsp.maintenance.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Only one purge at a time in the whole cluster. On PostgreSQL a session-level advisory lock, held on a connection of
 * its own for the length of the run (a node that dies releases it with its connection); on H2, whose database one
 * node owns, a plain lock. Never waits: a purge that finds the lock taken is not needed.
 */
@Component
class PurgeLock {

    /** The advisory lock's key: any number no other part of the portal uses ("TMSPurge" in ASCII, cut to 63 bits). */
    static final long KEY = 0x544D5350_75726765L;

    private final DataSource dataSource;
    private final boolean postgres;
    private final ReentrantLock local = new ReentrantLock();

    PurgeLock(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** The lock, held until closed; empty when another purge holds it. */
    Optional<Held> tryAcquire() {
        if (!postgres) {
            return local.tryLock() ? Optional.of(local::unlock) : Optional.empty();
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            boolean locked;
            try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, KEY);
                try (var rs = statement.executeQuery()) {
                    locked = rs.next() && rs.getBoolean(1);
                }
            }
            if (!locked) {
                connection.close();
                return Optional.empty();
            }
            Connection holder = connection;
            return Optional.of(() -> release(holder));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not take the purge lock: " + e.getMessage(), e);
        }
    }

    private static void release(Connection connection) {
        try (var statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
        } catch (SQLException e) {
            // closing the session below releases the lock anyway
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do with it
        }
    }

    /** A held lock; closing releases it. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
