package tmsp.ingest.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.ingest.Detections;
import tmsp.ingest.StoredDetection;

/**
 * Reads stored detections back. {@link #stream} runs in its own read-only transaction so that PostgreSQL's
 * driver can use a server-side cursor (it only does so with autocommit off, a forward-only result set and a
 * fetch size): the rows of a day pass through {@link #FETCH_SIZE} at a time, never all at once.
 */
@Component
class JdbcDetections implements Detections {

    static final int FETCH_SIZE = 5000;
    /** Ids per statement in {@link #byIds}: well under any driver's limit on bind parameters. */
    static final int ID_CHUNK = 1000;

    private final JdbcTemplate cursor;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final StoredDetectionRows rows;
    private final boolean postgres;

    JdbcDetections(JdbcTemplate jdbc, PlatformTransactionManager transactions, DetectionPartitions partitions) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.postgres = partitions.onPostgres();
        this.rows = new StoredDetectionRows(postgres);
    }

    @Override
    public long stream(long accountId, Instant from, Instant to, Consumer<StoredDetection> consumer) {
        return readThroughCursor("detections where account_id = ? and event_time >= ? and event_time < ?",
                statement -> {
                    statement.setLong(1, accountId);
                    statement.setTimestamp(2, Timestamp.from(from));
                    statement.setTimestamp(3, Timestamp.from(to));
                }, consumer);
    }

    @Override
    public long streamMadeUp(int count, Consumer<StoredDetection> consumer) {
        if (!postgres) {
            return 0; // the rows are made up in PostgreSQL's SQL; a portal on H2 is not one to warm up
        }
        return readThroughCursor(MadeUpDetections.FROM, statement -> {
            statement.setInt(1, count);
            statement.setInt(2, count);
        }, consumer);
    }

    /** {@link #stream} and {@link #streamMadeUp} share every step, so that warming one up warms the other. */
    private long readThroughCursor(String fromWhere, PreparedStatementSetter bind, Consumer<StoredDetection> consumer) {
        String sql = "select " + rows.columns(false) + " from " + fromWhere + " order by event_time, id";
        Long handed = readOnly.execute(status -> {
            if (postgres) {
                // JIT compiles expressions for analytic queries; for a plain index scan it is only start-up cost
                cursor.execute("set local jit = off");
            }
            long[] count = {0};
            RepeatedTexts texts = new RepeatedTexts();
            cursor.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(sql);
                binaryTransfer(statement);
                bind.setValues(statement);
                return statement;
            }, rs -> {
                consumer.accept(rows.map(rs, false, texts));
                count[0]++;
            });
            return count[0];
        });
        return handed == null ? 0 : handed;
    }

    @Override
    public long streamUpload(long accountId, UUID uploadId, Consumer<StoredDetection> consumer) {
        long[] count = {0};
        // By the upload id alone, the account checked here: with account_id in the statement, PostgreSQL may AND the
        // account's (account_id, event_time) index into the plan (while a partition fills, its statistics say
        // nothing yet), reading every row id of the account for each batch of 500: live ingest's backends spent
        // 39 s of CPU on 1,000,000 detections, 21 s without live correlation.
        jdbc.query("select " + rows.columns(false) + " from detections where upload_id = ? order by event_time, id",
                rs -> {
                    if (rs.getLong(2) == accountId) {
                        consumer.accept(rows.map(rs, false));
                        count[0]++;
                    }
                }, uploadId);
        return count[0];
    }

    @Override
    public List<StoredDetection> byIds(long accountId, Collection<Long> ids) {
        return byIds(accountId, ids, null, null);
    }

    @Override
    public List<StoredDetection> byIds(long accountId, Collection<Long> ids, Instant from, Instant to) {
        List<Long> distinct = ids.stream().distinct().toList();
        String bounds = from == null ? "" : " and event_time >= ? and event_time <= ?";
        List<StoredDetection> found = new ArrayList<>();
        for (int start = 0; start < distinct.size(); start += ID_CHUNK) {
            List<Long> chunk = distinct.subList(start, Math.min(distinct.size(), start + ID_CHUNK));
            String sql = "select " + rows.columns(true) + " from detections where account_id = ?" + bounds
                    + " and id in (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")";
            List<Object> args = new ArrayList<>(chunk.size() + 3);
            args.add(accountId);
            if (from != null) {
                args.add(Timestamp.from(from));
                args.add(Timestamp.from(to));
            }
            args.addAll(chunk);
            found.addAll(jdbc.query(sql, (rs, n) -> rows.map(rs, true), args.toArray()));
        }
        found.sort(Comparator.comparing(StoredDetection::eventTime).thenComparingLong(StoredDetection::id));
        return found;
    }

    /**
     * Numbers and times arrive in binary instead of as text to parse: pgjdbc only does that for a server-prepared
     * statement, which a statement run once is not unless told (prepare threshold -1).
     */
    private static void binaryTransfer(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }
}
