package tmsp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tmsp.simulator.Plan;
import tmsp.simulator.Scenario;
import tmsp.simulator.Simulation;
import tmsp.simulator.SimulationReport;
import tmsp.simulator.SimulatorOptions;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * Live correlation on PostgreSQL with the simulator's traffic (every planted attack) uploaded through the real
 * API: live correlation finds every planted attack as the batches are stored, and the nightly run of the same
 * day afterwards raises nothing and changes nothing: the same incidents, with the same keys and evidence.
 * The traffic is sent in real time, as appliances send it; detections that arrive later than a rule's window
 * (a backlog uploaded hours late) are the nightly run's to correlate (docs/ARCHITECTURE.md, live correlation).
 */
@IntegrationTest
// A second context beside the shared one: its own syslog port would be taken, and it needs neither syslog nor MQTT.
@TestPropertySource(properties = {"tmsp.correlation.live=true", "tmsp.syslog.enabled=false", "tmsp.mqtt.enabled=false"})
class LiveCorrelationIT {

    static final Map<Scenario, String> RULE_OF = Map.of(Scenario.OUTBREAK, "malware-outbreak",
            Scenario.C2_CALLBACK, "download-then-callback", Scenario.BRUTE_FORCE, "brute-force",
            Scenario.LATERAL_MOVEMENT, "lateral-movement");

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired LiveCorrelation live;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @Test
    void liveFindsEveryPlantedAttackAndTheNightlyRunOfTheDayAddsNothing() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Live");
        long before = live.status().correlated();
        // 4,000 lines in real time over 10 s from two appliances, each second's lines uploaded as they happen.
        Simulation simulation = new Simulation(SimulatorOptions.parse(new String[] {
                "--url", "http://127.0.0.1:" + port, "--registration-user", account.registrationUser(),
                "--registration-password", TestAccounts.PASSWORD, "--appliances", "2", "--rate", "400",
                "--duration", "10s", "--batch", "250", "--seed", "21"}, Instant.now()));
        Plan plan = simulation.plan();
        SimulationReport report = simulation.run();
        assertThat(report.problems()).isEmpty();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                live.status().correlated() - before >= report.accepted() && live.status().queued() == 0
                        && live.status().unrecorded() == 0);
        List<Map<String, Object>> foundLive = incidents(account.id());

        for (Plan.Planted planted : plan.planted()) {
            assertThat(foundLive).as("live found %s", planted.summary())
                    .anySatisfy(i -> assertThat(i).containsEntry("rule_id", RULE_OF.get(planted.scenario())));
        }
        assertThat(live.status().late()).as("uploaded in time order: nothing is late").isZero();

        long read = 0;
        // Days in UTC, the zone of the test portal; near midnight the traffic spans two.
        for (String day : jdbc.queryForList("select distinct cast(event_time at time zone 'UTC' as date) from detections"
                + " where account_id = ? order by 1", String.class, account.id())) {
            JsonNode nightly = runNightly(account.id(), day);
            assertThat(nightly.get("status").asText()).isEqualTo("DONE");
            assertThat(nightly.get("incidentsRaised").asInt()).as("nothing the live run had not raised").isZero();
            assertThat(nightly.get("incidentsUpdated").asInt()).as("nor any evidence it had missed").isZero();
            read += nightly.get("detectionsRead").asLong();
        }
        assertThat(read).isGreaterThanOrEqualTo(report.accepted());
        assertThat(incidents(account.id())).as("the same incidents, keys and evidence").isEqualTo(foundLive);
    }

    private List<Map<String, Object>> incidents(long accountId) {
        return jdbc.queryForList("select incident_key, rule_id, grouping_value, first_seen, last_seen, detection_count,"
                + " (select count(*) from incident_evidence e where e.incident_id = i.id) as evidence"
                + " from incidents i where account_id = ? order by incident_key", accountId);
    }

    /** Requests the day's run through the API and executes its job as the job executor would (off in tests). */
    private JsonNode runNightly(long accountId, String day) throws Exception {
        MvcResult queued = mvc.perform(post("/api/v1/accounts/" + accountId + "/correlation-runs")
                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"day\":\"" + day + "\"}")).andReturn();
        assertThat(queued.getResponse().getStatus()).as(queued.getResponse().getContentAsString()).isEqualTo(202);
        long runId = json.readTree(queued.getResponse().getContentAsString()).get("runId").asLong();
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(CorrelationProcess.runKey(runId)).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
        return json.readTree(mvc.perform(get("/api/v1/correlation-runs/" + runId)
                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))).andReturn().getResponse().getContentAsString());
    }
}
