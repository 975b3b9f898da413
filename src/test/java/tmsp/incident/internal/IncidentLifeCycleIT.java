package tmsp.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.incident.IncidentRecorder;
import tmsp.incident.IncidentStatus;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** Acknowledge, resolve and reopen: who and when on the incident, one system log line per change. */
@IntegrationTest
class IncidentLifeCycleIT {

    static final Instant AT = Instant.parse("2026-05-02T10:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentRecorder recorder;
    @Autowired IncidentLifeCycle lifeCycle;

    long account;
    long incidentId;

    @BeforeEach
    void anOpenIncident() throws Exception {
        account = TestAccounts.create(mvc, json, jdbc, "LifeCycle").id();
        recorder.record(account, List.of(IncidentRecorderIT.finding(account, "outbreak", "TROJ_LC", AT,
                AT.plusSeconds(60), Set.of("pc-1"), Set.of(1L))), Map.of());
        incidentId = jdbc.queryForObject("select id from incidents where account_id = ?", Long.class, account);
    }

    Map<String, Object> incident() {
        return jdbc.queryForMap("select * from incidents where id = ?", incidentId);
    }

    List<Map<String, Object>> logLines() {
        return jdbc.queryForList("select actor, action, target, details from audit_events where target = ? order by id",
                "incident #" + incidentId + " of account #" + account);
    }

    @Test
    void acknowledgeResolveAndReopenRecordWhoAndWhenAndTheSystemLog() {
        Instant before = Instant.now();
        lifeCycle.change(incidentId, IncidentStatus.ACKNOWLEDGED, "ann");
        assertThat(incident()).containsEntry("status", "ACKNOWLEDGED").containsEntry("acknowledged_by", "ann");
        assertThat(((java.sql.Timestamp) incident().get("acknowledged_at")).toInstant()).isAfterOrEqualTo(before.minusMillis(1));

        lifeCycle.change(incidentId, IncidentStatus.RESOLVED, "bob");
        assertThat(incident()).containsEntry("status", "RESOLVED").containsEntry("resolved_by", "bob")
                .containsEntry("acknowledged_by", "ann");
        assertThat(incident().get("resolved_at")).isNotNull();

        lifeCycle.change(incidentId, IncidentStatus.OPEN, "ann");
        assertThat(incident()).containsEntry("status", "OPEN").containsEntry("resolved_by", null)
                .containsEntry("acknowledged_by", null);

        assertThat(logLines()).extracting(l -> l.get("actor") + " " + l.get("action") + " " + l.get("details"))
                .containsExactly(
                        "ann INCIDENT_ACKNOWLEDGED Outbreak of TROJ_LC on 1 hosts (was OPEN)",
                        "bob INCIDENT_RESOLVED Outbreak of TROJ_LC on 1 hosts (was ACKNOWLEDGED)",
                        "ann INCIDENT_REOPENED Outbreak of TROJ_LC on 1 hosts (was RESOLVED)");
    }

    @Test
    void theSameStatusAgainLogsNothingAndAResolvedIncidentCannotBeAcknowledged() {
        lifeCycle.change(incidentId, IncidentStatus.RESOLVED, "ann");
        lifeCycle.change(incidentId, IncidentStatus.RESOLVED, "bob");

        assertThatThrownBy(() -> lifeCycle.change(incidentId, IncidentStatus.ACKNOWLEDGED, "bob"))
                .isInstanceOf(IllegalIncidentTransition.class);
        assertThat(incident()).containsEntry("status", "RESOLVED").containsEntry("resolved_by", "ann");
        assertThat(logLines()).hasSize(1);
        assertThatThrownBy(() -> lifeCycle.change(-1, IncidentStatus.RESOLVED, "ann"))
                .isInstanceOf(IncidentNotFound.class);
    }

    @Test
    void aResolvedIncidentThatGainsEvidenceStaysResolved() {
        lifeCycle.change(incidentId, IncidentStatus.RESOLVED, "ann");

        IncidentRecorder.Recorded again = recorder.record(account, List.of(IncidentRecorderIT.finding(account,
                "outbreak", "TROJ_LC", AT.plusSeconds(120), AT.plusSeconds(180), Set.of("pc-2"), Set.of(2L))),
                Map.of("outbreak", Duration.ofHours(1)));

        assertThat(again).isEqualTo(new IncidentRecorder.Recorded(0, 1));
        assertThat(incident()).containsEntry("status", "RESOLVED").containsEntry("detection_count", 2);
    }
}
