package tmsp.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.incident.IncidentRecorder;
import tmsp.maintenance.RetainedData;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** Log maintenance's view of reports: the two kinds, their storage, and what a purge removes. */
@IntegrationTest
class ReportRetentionIT {

    @Autowired List<RetainedData> kinds;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentRecorder recorder;
    @Autowired ReportGeneration generation;

    @Test
    void oldReportsGoAndThoseOfDeletedAccountsHaveAKindOfTheirOwn() throws Exception {
        Map<String, RetainedData> byKind = kinds.stream().collect(Collectors.toMap(RetainedData::kind, Function.identity()));
        RetainedData reports = byKind.get("reports");
        RetainedData ofDeleted = byKind.get("reports-of-deleted-accounts");
        assertThat(reports).isNotNull();
        assertThat(ofDeleted).isNotNull();

        ReportFixtures fixtures = new ReportFixtures(mvc, json, jdbc, recorder);
        TestAccounts.Created kept = fixtures.account("Kept", "en");
        TestAccounts.Created gone = fixtures.account("Gone", "en");
        LocalDate day = LocalDate.of(2026, 6, 1);
        long keptOld = generation.generate(kept.id(), ReportPeriod.day(day));
        long keptNew = generation.generate(kept.id(), ReportPeriod.day(day.plusDays(1)));
        long goneOld = generation.generate(gone.id(), ReportPeriod.day(day));
        long goneNew = generation.generate(gone.id(), ReportPeriod.day(day.plusDays(1)));
        Instant old = Instant.now().minus(400, ChronoUnit.DAYS);
        jdbc.update("update reports set generated_at = ? where id in (?, ?)", java.sql.Timestamp.from(old), keptOld, goneOld);
        long storageBefore = reports.storageBytes();
        assertThat(storageBefore).isGreaterThanOrEqualTo(4 * 1000L);

        long goneBytes = jdbc.queryForObject("select sum(size_bytes) from reports where account_id = ?", Long.class, gone.id());
        long deletedBefore = ofDeleted.storageBytes();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/accounts/" + gone.id())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic("admin", tmsp.support.IntegrationTest.ADMIN_PASSWORD)));
        assertThat(jdbc.queryForObject("select count(*) from accounts where id = ?", Long.class, gone.id()))
                .as("the account is deleted").isZero();
        assertThat(ofDeleted.storageBytes()).isEqualTo(deletedBefore + goneBytes);

        Instant cutoff = Instant.now().minus(365, ChronoUnit.DAYS);
        assertThat(ofDeleted.purgeOlderThan(cutoff)).isEqualTo(1);
        assertThat(ids(kept.id(), gone.id())).containsExactlyInAnyOrder(keptOld, keptNew, goneNew);
        assertThat(ofDeleted.purgeOlderThan(cutoff)).as("idempotent").isZero();

        assertThat(reports.purgeOlderThan(cutoff)).isGreaterThanOrEqualTo(1);
        assertThat(ids(kept.id(), gone.id())).containsExactlyInAnyOrder(keptNew, goneNew);
        assertThat(ofDeleted.purgeOlderThan(Instant.now().plusSeconds(60))).as("the rest of the deleted account's").isEqualTo(1);
        assertThat(ids(kept.id(), gone.id())).containsExactly(keptNew);
    }

    List<Long> ids(long a, long b) {
        return jdbc.queryForList("select id from reports where account_id in (?, ?)", Long.class, a, b);
    }
}
