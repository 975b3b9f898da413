package tmsp.maintenance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.support.IntegrationTest;

/**
 * Purge runs on the real PostgreSQL, at a "now" in 2012 so that only this test's rows are old enough: every kind loses
 * what is older than its retention and keeps the rest, one failing kind leaves the others running, and two purges at
 * once are one purge.
 */
@IntegrationTest
class PurgeJobIT {

    static final Instant NOW = LocalDate.of(2012, 9, 15).atStartOfDay().toInstant(ZoneOffset.UTC);

    @Autowired java.util.List<tmsp.maintenance.RetainedData> retainedData;
    @Autowired PurgeJob job;
    @Autowired PurgeRuns runs;
    @Autowired RetentionSettings retention;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @BeforeEach
    void retention() {
        retention.change(Map.of("detections", 10, "uploads", 10, "quarantine", 10, "incidents", 30,
                "system-logs", 60), "tester");
    }

    /** Back to the modules' defaults: other tests share this database. */
    @AfterEach
    void defaults() {
        jdbc.update("delete from retention_settings");
    }

    @Test
    void everyKindLosesWhatIsOlderThanItsRetentionAndTheRunIsRecorded() {
        String marker = UUID.randomUUID().toString();
        long oldIncident = incident(marker + "-old", NOW.minus(Duration.ofDays(31)));
        long newIncident = incident(marker + "-new", NOW.minus(Duration.ofDays(29)));
        quarantined(marker, NOW.minus(Duration.ofDays(11)));
        quarantined(marker, NOW.minus(Duration.ofDays(9)));
        audit(marker, NOW.minus(Duration.ofDays(61)));
        audit(marker, NOW.minus(Duration.ofDays(59)));

        long run = job.recordManual("tester", NOW);
        assertThat(job.runRecorded(run, "tester", NOW)).isTrue();

        assertThat(ids("select id from incidents where grouping_value like ?", marker + "%")).containsExactly(newIncident);
        assertThat(jdbc.queryForObject("select count(*) from incident_evidence where incident_id = ?", Long.class,
                oldIncident)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from incident_evidence where incident_id = ?", Long.class,
                newIncident)).isEqualTo(2);
        assertThat(jdbc.queryForList("select received_at from quarantined_lines where line = ?", Timestamp.class, marker))
                .extracting(Timestamp::toInstant).containsExactly(NOW.minus(Duration.ofDays(9)));
        assertThat(jdbc.queryForList("select occurred_at from audit_events where target = ?", Timestamp.class, marker))
                .extracting(Timestamp::toInstant).containsExactly(NOW.minus(Duration.ofDays(59)));

        PurgeRun recorded = runs.find(run).orElseThrow();
        assertThat(recorded.status()).isEqualTo(PurgeRun.SUCCEEDED);
        assertThat(recorded.finishedAt()).isNotNull();
        assertThat(recorded.kinds()).extracting(PurgeRun.KindResult::kind)
                .containsExactlyInAnyOrderElementsOf(everyKind())
                .contains("detections", "uploads", "quarantine", "incidents", "system-logs");
        PurgeRun.KindResult incidents = recorded.kinds().stream().filter(k -> k.kind().equals("incidents")).findFirst()
                .orElseThrow();
        assertThat(incidents.removed()).isGreaterThanOrEqualTo(1);
        assertThat(incidents.retentionDays()).isEqualTo(30);
        assertThat(incidents.cutoff()).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(jdbc.queryForObject("select details from audit_events where action = 'PURGE_RUN' and target = ?",
                String.class, "purge #" + run + " (manual)")).contains("incidents: ", "system-logs: ");
    }

    @Test
    void aKindThatFailsIsRecordedWithItsErrorAndTheOthersStillRun() throws Exception {
        String marker = UUID.randomUUID().toString();
        jdbc.execute("create table if not exists detections_p20120801 partition of detections"
                + " for values from ('2012-08-01 00:00:00+00') to ('2012-08-02 00:00:00+00')");
        quarantined(marker, NOW.minus(Duration.ofDays(11)));
        // Another transaction reads detections and keeps its lock: the partition's drop times out.
        try (TableLock reader = lockedIn("lock table detections in access share mode")) {
            long run = job.recordManual("tester", NOW);
            CompletableFuture<Boolean> purge = CompletableFuture.supplyAsync(() -> job.runRecorded(run, "tester", NOW));
            assertThat(purge.get()).isTrue();

            PurgeRun recorded = runs.find(run).orElseThrow();
            assertThat(recorded.status()).isEqualTo(PurgeRun.FAILED);
            PurgeRun.KindResult detections = recorded.kinds().stream().filter(k -> k.kind().equals("detections"))
                    .findFirst().orElseThrow();
            assertThat(detections.removed()).isNull();
            assertThat(detections.error()).contains("lock timeout");
            assertThat(recorded.kinds()).filteredOn(k -> !k.kind().equals("detections"))
                    .allSatisfy(k -> assertThat(k.error()).isNull()).hasSize(everyKind().size() - 1);
        }
        assertThat(jdbc.queryForObject("select count(*) from quarantined_lines where line = ?", Long.class, marker)).isZero();
        assertThat(jdbc.queryForObject("select to_regclass('detections_p20120801') is not null", Boolean.class)).isTrue();
        // the next run finds the lock gone and drops it
        long next = job.recordManual("tester", NOW);
        job.runRecorded(next, "tester", NOW);
        assertThat(runs.find(next).orElseThrow().status()).isEqualTo(PurgeRun.SUCCEEDED);
        assertThat(jdbc.queryForObject("select to_regclass('detections_p20120801') is not null", Boolean.class)).isFalse();
    }

    @Test
    void twoPurgesAtOnceAreOnePurge() throws Exception {
        String marker = UUID.randomUUID().toString();
        quarantined(marker, NOW.minus(Duration.ofDays(11)));
        // Hold the quarantine's table so the first purge waits in the middle of its run, holding the purge lock.
        CompletableFuture<Boolean> first;
        long firstRun;
        try (TableLock blocker = lockedIn("lock table quarantined_lines in access exclusive mode")) {
            firstRun = job.recordManual("first", NOW);
            first = CompletableFuture.supplyAsync(() -> job.runRecorded(firstRun, "first", NOW));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and query like 'delete from quarantined_lines%'", Long.class) == 1);

            long secondRun = job.recordManual("second", NOW);
            assertThat(job.runRecorded(secondRun, "second", NOW)).isFalse();
            assertThat(runs.find(secondRun).orElseThrow().status()).isEqualTo(PurgeRun.SKIPPED);
            assertThat(runs.find(secondRun).orElseThrow().kinds()).isEmpty();
            assertThat(job.runScheduled(NOW)).isEmpty();
            assertThat(runs.find(firstRun).orElseThrow().status()).isEqualTo(PurgeRun.RUNNING);
        }
        assertThat(first.get()).isTrue();
        assertThat(runs.find(firstRun).orElseThrow().status()).isEqualTo(PurgeRun.SUCCEEDED);
        assertThat(jdbc.queryForObject("select count(*) from quarantined_lines where line = ?", Long.class, marker)).isZero();
        // the lock is free again
        assertThat(job.runScheduled(NOW)).isPresent();
    }

    /** A transaction of its own, not the test thread's, that holds the lock until the connection closes. */
    private TableLock lockedIn(String lock) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(lock);
        }
        return () -> {
            connection.rollback();
            connection.close();
        };
    }

    interface TableLock extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    private long incident(String grouping, Instant lastSeen) {
        long id = jdbc.queryForObject("insert into incidents (incident_key, account_id, rule_id, grouping_value, title,"
                + " severity, status, attack, hosts, addresses, threat_names, first_seen, last_seen, detection_count,"
                + " created_at, updated_at) values (?, -1, 'purge-test', ?, 'Purge test', 'LOW', 'OPEN', '[]', '[]',"
                + " '[]', '[]', ?, ?, 2, now(), now()) returning id", Long.class, grouping, grouping,
                Timestamp.from(lastSeen.minusSeconds(60)), Timestamp.from(lastSeen));
        jdbc.update("insert into incident_evidence (incident_id, detection_id) values (?, 1), (?, 2)", id, id);
        return id;
    }

    private void quarantined(String line, Instant receivedAt) {
        jdbc.update("insert into quarantined_lines (source, code, reason, line, received_at) values ('test', 'X', 'test',"
                + " ?, ?)", line, Timestamp.from(receivedAt));
    }

    private void audit(String target, Instant at) {
        jdbc.update("insert into audit_events (occurred_at, actor, action, target) values (?, 'tester', 'LOGON', ?)",
                Timestamp.from(at), target);
    }

    private java.util.List<Long> ids(String sql, Object... args) {
        return jdbc.queryForList(sql, Long.class, args);
    }

    /** Every kind a module registered: a run records each of them. */
    private java.util.List<String> everyKind() {
        return retainedData.stream().map(tmsp.maintenance.RetainedData::kind).toList();
    }
}
