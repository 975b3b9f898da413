package tmsp.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.incident.IncidentCounts;
import tmsp.incident.IncidentEvents.IncidentRaised;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentHistory;
import tmsp.incident.IncidentRecorder;
import tmsp.incident.IncidentRecorder.Recorded;
import tmsp.incident.IncidentStatistics;
import tmsp.incident.IncidentSuppression;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** The recorder's side of rule exceptions on PostgreSQL: the verdict stored, announcements, counts, the rule stream. */
@IntegrationTest
@RecordApplicationEvents
class IncidentSuppressionIT {

    static final Instant NOON = Instant.parse("2026-05-05T12:00:00Z");
    static final Map<String, Duration> GAPS = Map.of("outbreak", Duration.ofHours(1));
    static final IncidentSuppression LAB = new IncidentSuppression(41, "HOST lab-* (v3: the lab)");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentRecorder recorder;
    @Autowired IncidentCounts counts;
    @Autowired IncidentStatistics statistics;
    @Autowired IncidentHistory history;
    @Autowired ApplicationEvents events;

    long account;

    @BeforeEach
    void anAccount() throws Exception {
        account = TestAccounts.create(mvc, json, jdbc, "Suppressed").id();
    }

    IncidentFinding finding(String grouping, String host, Instant first, long id) {
        return new IncidentFinding("outbreak", account, grouping, "Outbreak of " + grouping, "HIGH", List.of(),
                first, first.plusSeconds(60), Set.of(host), Set.of("10.0.0.1"), Set.of(grouping), Set.of(id));
    }

    static IncidentSuppression labHosts(IncidentFinding f) {
        return f.hosts().stream().allMatch(h -> h.startsWith("lab-")) ? LAB : null;
    }

    Map<String, Object> incident(String grouping) {
        return jdbc.queryForMap("select id, suppressed_by_exception, suppressed_reason, detection_count from incidents"
                + " where account_id = ? and grouping_value = ?", account, grouping);
    }

    long raised(Object incidentId) {
        return events.stream(IncidentRaised.class).filter(e -> e.incidentId() == (Long) incidentId).count();
    }

    @Test
    void aSuppressedIncidentIsStoredWithItsExceptionAndNeitherAnnouncedNorCounted() {
        Recorded recorded = recorder.record(account, List.of(finding("A", "lab-1", NOON, 1),
                finding("B", "pc-1", NOON, 2)), GAPS, IncidentSuppressionIT::labHosts);

        assertThat(recorded).isEqualTo(new Recorded(1, 0, 1));
        assertThat(incident("A")).containsEntry("suppressed_by_exception", 41L)
                .containsEntry("suppressed_reason", "HOST lab-* (v3: the lab)");
        assertThat(incident("B").get("suppressed_by_exception")).isNull();
        assertThat(raised(incident("A").get("id"))).isZero();
        assertThat(raised(incident("B").get("id"))).isOne();
        assertThat(counts.firstSeenBetween(account, NOON.minusSeconds(1), NOON.plusSeconds(1))).isOne();
        IncidentStatistics.Summary summary = statistics.summarize(account, NOON.minusSeconds(3600),
                NOON.plusSeconds(3600), java.time.ZoneOffset.UTC, 10);
        assertThat(summary.total()).isOne();
        assertThat(summary.topHosts()).extracting(IncidentStatistics.Count::name).containsExactly("pc-1");

        assertThat(recorder.record(account, List.of(finding("A", "lab-1", NOON, 1)), GAPS,
                IncidentSuppressionIT::labHosts)).as("the same again").isEqualTo(new Recorded(0, 0, 1));
    }

    @Test
    void anIncidentIsSuppressedOnlyIfEveryFindingOfTheCallIs() {
        IncidentFinding lab = finding("C", "lab-2", NOON, 3);
        IncidentFinding office = finding("C", "pc-2", NOON.plusSeconds(120), 4); // the same episode

        recorder.record(account, List.of(lab, office), GAPS, IncidentSuppressionIT::labHosts);

        assertThat(incident("C")).containsEntry("detection_count", 2);
        assertThat(incident("C").get("suppressed_by_exception")).isNull();
        assertThat(raised(incident("C").get("id"))).isOne();
    }

    @Test
    void theLatestVerdictIsStoredAndAnIncidentComingBackIsAnnouncedThen() {
        IncidentFinding lab = finding("D", "lab-3", NOON, 5);
        recorder.record(account, List.of(lab), GAPS, IncidentSuppressionIT::labHosts);
        Object id = incident("D").get("id");
        assertThat(raised(id)).isZero();

        assertThat(recorder.record(account, List.of(lab), GAPS)).as("no exceptions any more")
                .isEqualTo(new Recorded(0, 1, 0));
        assertThat(incident("D").get("suppressed_by_exception")).isNull();
        assertThat(raised(id)).isOne();

        assertThat(recorder.record(account, List.of(lab), GAPS, IncidentSuppressionIT::labHosts))
                .as("suppressed again by a later version").isEqualTo(new Recorded(0, 1, 1));
        assertThat(incident("D")).containsEntry("suppressed_by_exception", 41L);
        assertThat(raised(id)).as("not announced again").isOne();
    }

    @Test
    void theRuleStreamGivesEveryAccountsIncidentsOfTheRuleNewestFirstWithTheirVerdict() {
        recorder.record(account, List.of(finding("E", "lab-4", NOON, 6), finding("F", "pc-4", NOON.plusSeconds(600), 7)),
                GAPS, IncidentSuppressionIT::labHosts);
        List<IncidentHistory.RuleIncident> seen = new ArrayList<>();

        history.incidentsOfRule("outbreak", NOON.minusSeconds(1), NOON.plusSeconds(3600), i -> {
            if (i.accountId() == account) {
                seen.add(i);
            }
        });

        assertThat(seen).extracting(IncidentHistory.RuleIncident::title).containsExactly("Outbreak of F", "Outbreak of E");
        assertThat(seen).extracting(IncidentHistory.RuleIncident::suppressed).containsExactly(false, true);
        assertThat(seen.get(1).hosts()).containsExactly("lab-4");
        assertThat(seen.get(1).addresses()).containsExactly("10.0.0.1");
        List<IncidentHistory.RuleIncident> otherRule = new ArrayList<>();
        history.incidentsOfRule("no-such-rule", NOON.minusSeconds(1), NOON.plusSeconds(3600), otherRule::add);
        assertThat(otherRule).isEmpty();
    }
}
