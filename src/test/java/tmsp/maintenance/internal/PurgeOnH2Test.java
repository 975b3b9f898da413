package tmsp.maintenance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.maintenance.MaintenanceEvents;
import tmsp.maintenance.RetainedData;
import tmsp.maintenance.RetainedRows;

/**
 * The zero-setup database: the purge's own tables and its plain lock on H2 (migrated by Flyway as the portal does),
 * without the rest of the portal.
 */
class PurgeOnH2Test {

    static final Instant NOW = Instant.parse("2026-06-01T03:30:00Z");

    JdbcTemplate jdbc;
    PurgeRuns runs;
    PurgeLock lock;
    List<Object> published = new ArrayList<>();

    @BeforeEach
    void database() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:purge-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        jdbc = new JdbcTemplate(h2);
        runs = new PurgeRuns(jdbc);
        lock = new PurgeLock(h2);
    }

    @Test
    void aPurgeOnH2RemovesOldRowsRecordsTheRunAndReportsTheStorage() {
        audit("old", NOW.minus(Duration.ofDays(400)));
        audit("new", NOW.minus(Duration.ofDays(300)));
        RetainedData systemLogs = RetainedRows.of(jdbc, "system-logs", Period.ofDays(365), "audit_events", "occurred_at");
        RetainedData failing = new Failing();
        PurgeJob job = job(List.of(systemLogs, failing));

        long run = job.recordManual("admin", NOW);
        assertThat(job.runRecorded(run, "admin", NOW)).isTrue();

        assertThat(jdbc.queryForList("select target from audit_events", String.class)).containsExactly("new");
        PurgeRun recorded = runs.find(run).orElseThrow();
        assertThat(recorded.status()).isEqualTo(PurgeRun.FAILED);
        assertThat(recorded.kinds()).extracting(PurgeRun.KindResult::kind, PurgeRun.KindResult::removed)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("system-logs", 1L),
                        org.assertj.core.groups.Tuple.tuple("broken", null));
        assertThat(recorded.kinds()).filteredOn(PurgeRun.KindResult::failed).singleElement()
                .satisfies(k -> assertThat(k.error()).isEqualTo("IllegalStateException: the disk is gone"));
        assertThat(published).singleElement().isInstanceOfSatisfying(MaintenanceEvents.PurgeFinished.class, e -> {
            assertThat(e.failed()).isTrue();
            assertThat(e.summary()).contains("system-logs: 1 removed", "broken: failed (IllegalStateException: the disk is gone)");
        });
        assertThat(systemLogs.storageBytes()).isNotNegative();
    }

    @Test
    void onlyTheNewestRunsAreKept() {
        for (int i = 0; i < 5; i++) {
            runs.finish(runs.start(PurgeJob.SCHEDULED, "system", NOW.plusSeconds(i)), PurgeRun.SUCCEEDED, NOW);
        }
        runs.forgetAllBut(3);
        assertThat(runs.latest(10)).hasSize(3).extracting(PurgeRun::startedAt)
                .containsExactly(NOW.plusSeconds(4), NOW.plusSeconds(3), NOW.plusSeconds(2));
    }

    @Test
    void theLockLetsOnePurgeRunAtATime() throws Exception {
        try (HeldElsewhere other = holdLockInAnotherThread()) {
            PurgeJob job = job(List.of());
            long skipped = job.recordManual("admin", NOW);
            assertThat(job.runRecorded(skipped, "admin", NOW)).isFalse();
            assertThat(runs.find(skipped).orElseThrow().status()).isEqualTo(PurgeRun.SKIPPED);
            assertThat(job.runScheduled(NOW)).isEmpty();
        }
        Optional<Long> ran = job(List.of()).runScheduled(NOW);
        assertThat(ran).isPresent();
        assertThat(runs.find(ran.get()).orElseThrow().status()).isEqualTo(PurgeRun.SUCCEEDED);
    }

    @Test
    void aRunLeftRunningByACrashIsMarkedInterruptedAtTheNextStart() {
        long crashed = runs.start(PurgeJob.MANUAL, "admin", NOW);
        PurgeJob job = job(List.of());
        job.markInterruptedRuns();
        assertThat(runs.find(crashed).orElseThrow().status()).isEqualTo(PurgeRun.INTERRUPTED);
        assertThat(runs.find(crashed).orElseThrow().finishedAt()).isNotNull();
    }

    @Test
    void aRunningPurgeIsNotMarkedInterruptedByAStartingNode() throws Exception {
        long running = runs.start(PurgeJob.MANUAL, "admin", NOW);
        try (HeldElsewhere other = holdLockInAnotherThread()) {
            job(List.of()).markInterruptedRuns();
            assertThat(runs.find(running).orElseThrow().status()).isEqualTo(PurgeRun.RUNNING);
        }
    }

    /** Another purge, holding the lock on a thread of its own until closed. */
    private HeldElsewhere holdLockInAnotherThread() throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try (PurgeLock.Held held = lock.tryAcquire().orElseThrow()) {
                holding.countDown();
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        return () -> {
            release.countDown();
            other.get(10, TimeUnit.SECONDS);
        };
    }

    interface HeldElsewhere extends AutoCloseable {
        @Override
        void close() throws Exception;
    }

    private PurgeJob job(List<RetainedData> kinds) {
        RetentionSettings retention = new RetentionSettings(kinds, jdbc, published::add);
        return new PurgeJob(retention, runs, lock, published::add, new MaintenanceSettings("0 30 3 * * *", ZoneOffset.UTC, 200));
    }

    private void audit(String target, Instant at) {
        jdbc.update("insert into audit_events (occurred_at, actor, action, target) values (?, 'test', 'LOGON', ?)",
                Timestamp.from(at), target);
    }

    /** A kind whose storage fails, as a full disk or a lost table would. */
    static final class Failing implements RetainedData {
        @Override public String kind() { return "broken"; }
        @Override public Period defaultRetention() { return Period.ofDays(1); }
        @Override public long storageBytes() { return 0; }
        @Override public long purgeOlderThan(Instant cutoff) { throw new IllegalStateException("the disk is gone"); }
    }
}
