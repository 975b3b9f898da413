package tmsp.maintenance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The record of purge runs: one row a run, one a kind it has done; each write commits on its own. */
@Component
class PurgeRuns {

    private final JdbcTemplate jdbc;

    PurgeRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long start(String trigger, String startedBy, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var statement = c.prepareStatement("insert into purge_runs (run_trigger, started_by, started_at, status)"
                    + " values (?, ?, ?, ?)", new String[] {"id"});
            statement.setString(1, trigger);
            statement.setString(2, startedBy);
            statement.setTimestamp(3, Timestamp.from(at));
            statement.setString(4, PurgeRun.RUNNING);
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    void kindDone(long runId, PurgeRun.KindResult result) {
        jdbc.update("insert into purge_run_kinds (run_id, kind, retention_days, cutoff, removed, error, finished_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", runId, result.kind(), result.retentionDays(),
                Timestamp.from(result.cutoff()), result.removed(), clip(result.error()), Timestamp.from(result.finishedAt()));
    }

    void finish(long runId, String status, Instant at) {
        jdbc.update("update purge_runs set status = ?, finished_at = ? where id = ?", status, Timestamp.from(at), runId);
    }

    int interruptRunning(Instant at) {
        return jdbc.update("update purge_runs set status = ?, finished_at = ? where status = ?", PurgeRun.INTERRUPTED,
                Timestamp.from(at), PurgeRun.RUNNING);
    }

    /** Keeps the newest {@code kept} runs. */
    void forgetAllBut(int kept) {
        Long oldestKept = jdbc.query("select id from purge_runs order by id desc offset ? rows fetch next 1 rows only",
                rs -> rs.next() ? rs.getLong(1) : null, kept - 1);
        if (oldestKept != null) {
            jdbc.update("delete from purge_runs where id < ?", oldestKept);
        }
    }

    Optional<PurgeRun> find(long id) {
        return load("where id = ?", id).stream().findFirst();
    }

    List<PurgeRun> latest(int count) {
        return load("order by id desc fetch first " + count + " rows only");
    }

    private List<PurgeRun> load(String condition, Object... args) {
        Map<Long, PurgeRun> runs = new LinkedHashMap<>();
        jdbc.query("select id, run_trigger, started_by, started_at, finished_at, status from purge_runs " + condition,
                rs -> {
                    runs.put(rs.getLong(1), new PurgeRun(rs.getLong(1), rs.getString(2), rs.getString(3),
                            instant(rs, 4), instant(rs, 5), rs.getString(6), new ArrayList<>()));
                }, args);
        if (runs.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", runs.keySet().stream().map(String::valueOf).toList());
        jdbc.query("select run_id, kind, retention_days, cutoff, removed, error, finished_at from purge_run_kinds"
                + " where run_id in (" + ids + ") order by finished_at, kind", rs -> {
                    long removed = rs.getLong(5);
                    Long removedOrNull = rs.wasNull() ? null : removed;
                    runs.get(rs.getLong(1)).kinds().add(new PurgeRun.KindResult(rs.getString(2), rs.getInt(3),
                            instant(rs, 4), removedOrNull, rs.getString(6), instant(rs, 7)));
                });
        return List.copyOf(runs.values());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }
}
