package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.maintenance.RetainedData;
import tmsp.mitigation.CaseStep;
import tmsp.support.IntegrationTest;

/** Log maintenance's view of mitigation data: what a purge removes, with the files, and what it keeps. */
@IntegrationTest
class MitigationRetentionIT {

    static final long ACCOUNT = 987_654L;

    @Autowired List<RetainedData> kinds;
    @Autowired JdbcTemplate jdbc;
    @Autowired MitigationCases cases;
    @Autowired CleanupPatterns patterns;
    @Autowired CaseJournal journal;
    @Autowired FileStore files;
    @Autowired TransactionTemplate transactions;

    @Test
    void oldClosedCasesGoWithTheirFilesWhileOpenOnesStay() {
        Map<String, RetainedData> byKind = kinds.stream().collect(Collectors.toMap(RetainedData::kind, Function.identity()));
        RetainedData closedCases = byKind.get("mitigation-cases");
        assertThat(closedCases).isNotNull();
        Instant old = Instant.now().minus(400, ChronoUnit.DAYS);
        long closedOld = aCase("CLOSED", old);
        long dismissedOld = aCase("DISMISSED", old);
        long openOld = aCase("AWAITING_PATTERN", old);
        long closedNew = aCase("CLOSED", Instant.now());
        CleanupPattern pattern = transactions.execute(s -> patterns.save(new CleanupPattern(closedOld, ACCOUNT, "CPR-1",
                "cpr.zip", files.store(FileStore.Kind.PATTERNS, new ByteArrayInputStream(new byte[2048]), 4096),
                "admin", Instant.now())));
        String closedSample = sampleOf(closedOld);
        assertThat(files.path(FileStore.Kind.SAMPLES, closedSample)).exists();
        assertThat(closedCases.storageBytes()).as("the files count too").isGreaterThanOrEqualTo(4 * 1000L + 2048);

        long purged = closedCases.purgeOlderThan(Instant.now().minus(365, ChronoUnit.DAYS));

        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(exists(closedOld)).isFalse();
        assertThat(exists(dismissedOld)).isFalse();
        assertThat(exists(openOld)).as("an open case stays, however old").isTrue();
        assertThat(exists(closedNew)).isTrue();
        assertThat(files.path(FileStore.Kind.SAMPLES, closedSample)).doesNotExist();
        assertThat(files.path(FileStore.Kind.PATTERNS, pattern.storedFile())).doesNotExist();
        assertThat(files.path(FileStore.Kind.SAMPLES, sampleOf(openOld))).exists();
        assertThat(jdbc.queryForObject("select count(*) from mitigation_case_steps where case_id = ?", Long.class,
                closedOld)).as("the history went with it").isZero();
        assertThat(closedCases.purgeOlderThan(Instant.now().minus(365, ChronoUnit.DAYS))).as("idempotent").isZero();
    }

    @Test
    void endpointStatusReportsGoByTheTimeTheyWereReported() {
        RetainedData statuses = kinds.stream().filter(k -> k.kind().equals("endpoint-statuses")).findFirst().orElseThrow();
        Instant old = Instant.now().minus(100, ChronoUnit.DAYS);
        insertStatus("10.9.9.1", old);
        insertStatus("10.9.9.2", Instant.now());

        statuses.purgeOlderThan(Instant.now().minus(90, ChronoUnit.DAYS));

        assertThat(jdbc.queryForList("select ip from endpoint_statuses where account_id = ?", String.class, ACCOUNT))
                .containsExactly("10.9.9.2");
    }

    private long aCase(String status, Instant updated) {
        long id = transactions.execute(s -> {
            StoredFile sample = files.store(FileStore.Kind.SAMPLES, new ByteArrayInputStream(new byte[1000]), 2000);
            MitigationCase created = cases.save(new MitigationCase(ACCOUNT, 1L, "tmm-01", "10.0.0.5", "ws-5",
                    "sample.zip", sample, updated));
            journal.record(created, "tmm-01", CaseStep.SAMPLE_RECEIVED, null);
            return created.id();
        });
        jdbc.update("update mitigation_cases set status = ?, updated_at = ? where id = ?", status,
                Timestamp.from(updated), id);
        return id;
    }

    private String sampleOf(long caseId) {
        return jdbc.queryForObject("select sample_file from mitigation_cases where id = ?", String.class, caseId);
    }

    private boolean exists(long caseId) {
        return jdbc.queryForObject("select count(*) from mitigation_cases where id = ?", Long.class, caseId) == 1;
    }

    private void insertStatus(String ip, Instant at) {
        jdbc.update("insert into endpoint_statuses (account_id, product_id, ip, hostname, status, threat, reported_at, "
                + "received_at) values (?, 1, ?, 'ws', 'UNRESOLVED', 'TROJ_X', ?, ?)", ACCOUNT, ip, Timestamp.from(at),
                Timestamp.from(Instant.now()));
    }
}
