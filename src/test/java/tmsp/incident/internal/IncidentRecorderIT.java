package tmsp.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentHistory;
import tmsp.incident.IncidentRecorder;
import tmsp.incident.IncidentRecorder.Recorded;
import tmsp.support.IntegrationTest;
import tmsp.support.StatementCounter;
import tmsp.support.TestAccounts;

/** Recording findings as incidents on PostgreSQL: idempotence, episodes across runs and midnight, account scope. */
@IntegrationTest
class IncidentRecorderIT {

    static final Instant NIGHT = Instant.parse("2026-04-01T23:30:00Z");
    static final Map<String, Duration> GAPS = Map.of("outbreak", Duration.ofHours(1));

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentRecorder recorder;
    @Autowired IncidentHistory history;

    long account;
    long other;

    @BeforeEach
    void twoAccounts() throws Exception {
        account = TestAccounts.create(mvc, json, jdbc, "Recorder").id();
        other = TestAccounts.create(mvc, json, jdbc, "Neighbour").id();
    }

    static IncidentFinding finding(long accountId, String rule, String grouping, Instant first, Instant last,
                                   Set<String> hosts, Set<Long> ids) {
        return new IncidentFinding(rule, accountId, grouping, "Outbreak of " + grouping + " on " + hosts.size()
                + " hosts", "HIGH", List.of("T1204"), first, last, hosts, Set.of("10.0.0.1"), Set.of(grouping), ids);
    }

    List<Map<String, Object>> incidentsOf(long accountId) {
        return jdbc.queryForList("select * from incidents where account_id = ? order by first_seen", accountId);
    }

    Set<Long> evidenceOf(Object incidentId) {
        return jdbc.queryForList("select detection_id from incident_evidence where incident_id = ?", Long.class,
                incidentId).stream().collect(Collectors.toSet());
    }

    @Test
    void recordingTheSameFindingsTwiceChangesNothing() {
        List<IncidentFinding> findings = List.of(
                finding(account, "outbreak", "TROJ_A", NIGHT, NIGHT.plusSeconds(600), Set.of("pc-1", "pc-2"), Set.of(1L, 2L)),
                finding(account, "outbreak", "TROJ_B", NIGHT, NIGHT.plusSeconds(60), Set.of("pc-3"), Set.of(3L)));

        assertThat(recorder.record(account, findings, GAPS)).isEqualTo(new Recorded(2, 0));
        List<Map<String, Object>> before = incidentsOf(account);
        assertThat(recorder.record(account, findings, GAPS)).isEqualTo(new Recorded(0, 0));

        assertThat(incidentsOf(account)).isEqualTo(before);
        assertThat(before).extracting(row -> row.get("detection_count")).containsExactlyInAnyOrder(2, 1);
        assertThat(before).extracting(row -> row.get("status")).containsOnly("OPEN");
        assertThat(before).extracting(row -> (String) row.get("incident_key"))
                .allSatisfy(key -> assertThat(key).startsWith("outbreak:" + account + ":")
                        .endsWith(":" + NIGHT.getEpochSecond()).hasSizeLessThan(60))
                .doesNotHaveDuplicates();
    }

    @Test
    void aFindingSpanningMidnightMergesIntoTheIncidentOfTheNightBefore() {
        recorder.record(account, List.of(finding(account, "outbreak", "TROJ_A", NIGHT, NIGHT.plusSeconds(1500),
                Set.of("pc-1", "pc-2"), Set.of(10L, 11L))), GAPS);
        String key = (String) incidentsOf(account).get(0).get("incident_key");

        // The next night's run reads back by the longest window: it sees the tail of the first episode again.
        Recorded second = recorder.record(account, List.of(finding(account, "outbreak", "TROJ_A",
                NIGHT.plusSeconds(1200), NIGHT.plusSeconds(3000), Set.of("pc-2", "pc-9"), Set.of(11L, 12L))), GAPS);

        assertThat(second).isEqualTo(new Recorded(0, 1));
        List<Map<String, Object>> incidents = incidentsOf(account);
        assertThat(incidents).hasSize(1);
        Map<String, Object> merged = incidents.get(0);
        assertThat(merged.get("incident_key")).isEqualTo(key);
        assertThat(((java.sql.Timestamp) merged.get("first_seen")).toInstant()).isEqualTo(NIGHT);
        assertThat(((java.sql.Timestamp) merged.get("last_seen")).toInstant()).isEqualTo(NIGHT.plusSeconds(3000));
        assertThat(merged.get("hosts")).isEqualTo("[\"pc-1\",\"pc-2\",\"pc-9\"]");
        assertThat(merged.get("title")).isEqualTo("Outbreak of TROJ_A on 2 hosts");
        assertThat(merged.get("detection_count")).isEqualTo(3);
        assertThat(evidenceOf(merged.get("id"))).containsExactlyInAnyOrder(10L, 11L, 12L);
    }

    @Test
    void aFindingBeyondTheEpisodeGapIsANewIncidentUnlessTheRulesGapIsLonger() {
        recorder.record(account, List.of(finding(account, "outbreak", "TROJ_A", NIGHT, NIGHT.plusSeconds(60),
                Set.of("pc-1"), Set.of(20L))), GAPS);
        IncidentFinding twoHoursLater = finding(account, "outbreak", "TROJ_A", NIGHT.plusSeconds(60 + 7200),
                NIGHT.plusSeconds(60 + 7300), Set.of("pc-1"), Set.of(21L));

        assertThat(recorder.record(account, List.of(twoHoursLater), Map.of("outbreak", Duration.ofHours(3))))
                .isEqualTo(new Recorded(0, 1));
        IncidentFinding fourHoursLater = finding(account, "outbreak", "TROJ_A", NIGHT.plusSeconds(7300 + 14400),
                NIGHT.plusSeconds(7300 + 14500), Set.of("pc-1"), Set.of(22L));
        assertThat(recorder.record(account, List.of(fourHoursLater), Map.of())).as("default gap: one hour")
                .isEqualTo(new Recorded(1, 0));
        assertThat(incidentsOf(account)).hasSize(2);
    }

    @Test
    void findingsOfOneCallChainIntoOneEpisodeAsEachWidensIt() {
        // The third is more than the hour's gap after the first ends, but within it of the second, which the same
        // call joined to the first: the incident as widened in this call decides, not as it was stored before.
        List<IncidentFinding> findings = List.of(
                finding(account, "outbreak", "TROJ_A", NIGHT, NIGHT.plusSeconds(600), Set.of("pc-1"), Set.of(50L)),
                finding(account, "outbreak", "TROJ_A", NIGHT.plusSeconds(3000), NIGHT.plusSeconds(3600),
                        Set.of("pc-2"), Set.of(51L)),
                finding(account, "outbreak", "TROJ_A", NIGHT.plusSeconds(6600), NIGHT.plusSeconds(7200),
                        Set.of("pc-3"), Set.of(52L)),
                finding(account, "outbreak", "TROJ_B", NIGHT.plusSeconds(3000), NIGHT.plusSeconds(3600),
                        Set.of("pc-2"), Set.of(53L)));

        assertThat(recorder.record(account, findings, GAPS)).isEqualTo(new Recorded(2, 0));

        List<Map<String, Object>> incidents = incidentsOf(account);
        assertThat(incidents).extracting(row -> row.get("grouping_value"))
                .containsExactlyInAnyOrder("TROJ_A", "TROJ_B");
        Map<String, Object> a = incidents.stream().filter(row -> row.get("grouping_value").equals("TROJ_A")).findFirst()
                .orElseThrow();
        assertThat(((java.sql.Timestamp) a.get("last_seen")).toInstant()).isEqualTo(NIGHT.plusSeconds(7200));
        assertThat(evidenceOf(a.get("id"))).containsExactlyInAnyOrder(50L, 51L, 52L);
    }

    @Test
    void theIncidentsAFindingMayJoinAreLookedUpOncePerCallNotOncePerFinding() {
        List<IncidentFinding> findings = LongStream.range(0, 200).mapToObj(n -> finding(account, "outbreak",
                "TROJ_" + n, NIGHT, NIGHT.plusSeconds(60), Set.of("pc-" + n), Set.of(1000 + n))).toList();
        recorder.record(account, findings, GAPS);
        StatementCounter.reset();

        assertThat(recorder.record(account, findings, GAPS)).isEqualTo(new Recorded(0, 0));

        // One statement a finding reads what evidence it has; a lookup of incidents per finding would double it.
        assertThat(StatementCounter.count()).as("statements to record 200 findings again").isLessThan(200 + 10);
    }

    @Test
    void aFindingOfAnotherAccountIsRefusedBeforeAnythingIsWritten() {
        List<IncidentFinding> findings = List.of(
                finding(account, "outbreak", "TROJ_A", NIGHT, NIGHT.plusSeconds(60), Set.of("pc-1"), Set.of(60L)),
                finding(other, "outbreak", "TROJ_B", NIGHT, NIGHT.plusSeconds(60), Set.of("pc-2"), Set.of(61L)));

        assertThatThrownBy(() -> recorder.record(account, findings, GAPS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account " + other);

        assertThat(incidentsOf(account)).isEmpty();
        assertThat(incidentsOf(other)).isEmpty();
    }

    @Test
    void anotherAccountsIncidentIsNeverMergedInto() {
        recorder.record(other, List.of(finding(other, "outbreak", "TROJ_A", NIGHT, NIGHT.plusSeconds(600),
                Set.of("pc-1"), Set.of(30L))), GAPS);

        Recorded mine = recorder.record(account, List.of(finding(account, "outbreak", "TROJ_A", NIGHT,
                NIGHT.plusSeconds(600), Set.of("pc-1"), Set.of(31L))), GAPS);

        assertThat(mine).isEqualTo(new Recorded(1, 0));
        assertThat(evidenceOf(incidentsOf(other).get(0).get("id"))).containsExactly(30L);
        assertThat(evidenceOf(incidentsOf(account).get(0).get("id"))).containsExactly(31L);
        assertThat(incidentsOf(account).get(0).get("incident_key"))
                .isNotEqualTo(incidentsOf(other).get(0).get("incident_key"));
    }

    @Test
    void tenThousandEvidenceIdsAreWrittenInBatches() {
        Set<Long> ids = LongStream.rangeClosed(1, 10_000).boxed().collect(Collectors.toSet());
        StatementCounter.reset();

        recorder.record(account, List.of(finding(account, "outbreak", "WORM", NIGHT, NIGHT.plusSeconds(60),
                Set.of("pc-1"), ids)), GAPS);

        assertThat(StatementCounter.count()).as("statements for 10,000 evidence rows").isLessThan(30);
        assertThat(evidenceOf(incidentsOf(account).get(0).get("id"))).hasSize(10_000);
        assertThat(incidentsOf(account).get(0).get("detection_count")).isEqualTo(10_000);
    }

    @Test
    void historyNamesEachHostOfTheIncidentsOverlappingTheRange() {
        recorder.record(account, List.of(
                finding(account, "outbreak", "TROJ_A", NIGHT, NIGHT.plusSeconds(60), Set.of("pc-1", "pc-2"), Set.of(40L)),
                finding(account, "outbreak", "TROJ_B", NIGHT.plusSeconds(86_400), NIGHT.plusSeconds(86_460),
                        Set.of("pc-3"), Set.of(41L))), GAPS);
        recorder.record(other, List.of(finding(other, "outbreak", "TROJ_A", NIGHT, NIGHT.plusSeconds(60),
                Set.of("pc-x"), Set.of(42L))), GAPS);

        List<IncidentHistory.HostIncident> seen = history.hostIncidents(account, NIGHT.minusSeconds(3600),
                NIGHT.plusSeconds(3600));

        assertThat(seen).extracting(IncidentHistory.HostIncident::host).containsExactly("pc-1", "pc-2");
        assertThat(seen).allSatisfy(h -> {
            assertThat(h.ruleId()).isEqualTo("outbreak");
            assertThat(h.firstSeen()).isEqualTo(NIGHT);
            assertThat(h.lastSeen()).isEqualTo(NIGHT.plusSeconds(60));
        });
    }

    @Test
    void twoRunsRecordingTheSameNewEpisodeAtOnceMakeOneIncident() throws Exception {
        IncidentFinding finding = finding(account, "outbreak", "RACE", NIGHT, NIGHT.plusSeconds(60), Set.of("pc-1"),
                Set.of(50L, 51L));
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Recorded>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(() -> {
                    together.await();
                    return recorder.record(account, List.of(finding), GAPS);
                }));
            }
            int raised = 0;
            for (var run : runs) {
                raised += run.get(30, java.util.concurrent.TimeUnit.SECONDS).raised();
            }
            assertThat(raised).isEqualTo(1);
        } finally {
            two.shutdownNow();
        }
        assertThat(incidentsOf(account)).hasSize(1);
        assertThat(evidenceOf(incidentsOf(account).get(0).get("id"))).containsExactlyInAnyOrder(50L, 51L);
    }

    @Test
    void aLongGroupingAndTitleAreStoredCutAndStillMatchTheirEpisode() {
        IncidentFinding huge = new IncidentFinding("outbreak", account, "h".repeat(3000), "T".repeat(3000), "LOW",
                List.of(), NIGHT, NIGHT.plusSeconds(5), Set.of("pc-1"), Set.of(), Set.of(), Set.of(60L));

        assertThat(recorder.record(account, List.of(huge), GAPS)).isEqualTo(new Recorded(1, 0));
        assertThat(recorder.record(account, List.of(huge), GAPS)).isEqualTo(new Recorded(0, 0));
        assertThat(((String) incidentsOf(account).get(0).get("title"))).hasSize(Incident.TITLE_LENGTH);
    }
}
