package tmsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentRecorder;
import tmsp.ingest.Detections;
import tmsp.ingest.StoredDetection;
import tmsp.simulator.DemoTraffic;
import tmsp.simulator.Plan;
import tmsp.simulator.Scenario;
import tmsp.simulator.SimulationReport;
import tmsp.support.ApplianceClient;
import tmsp.support.FreeSyslogPort;

/**
 * The README's first command: no settings at all, an H2 file database, demo data on first start, whose appliances
 * register and send through the real API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tmsp.admin-password=smoke-test-admin")
@AutoConfigureMockMvc
class ZeroSetupSmokeIT {

    @DynamicPropertySource
    static void freshDataFolder(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("tmsp-zero-setup");
        // The same URL as the default, in a fresh folder instead of ./data.
        // Its own syslog port: the shared integration-test context, cached beside this one, holds another.
        int syslogPort = FreeSyslogPort.find();
        registry.add("tmsp.syslog.port", () -> syslogPort);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + data.resolve("tmsp") + ";DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired MockMvc mvc;
    @org.springframework.boot.test.web.server.LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired DemoTraffic demoTraffic;
    SimulationReport demo;

    /** The demo appliances send in the background after start-up; both tests look at the database after them. */
    @BeforeEach
    void demoTrafficSent() throws Exception {
        demo = demoTraffic.done().get(3, TimeUnit.MINUTES);
    }

    @Test
    void startsOnH2WithALivingDemoPortal() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from accounts", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from contacts", Long.class)).isEqualTo(10);
        assertThat(demo.problems()).isEmpty();
        // 5 discovery appliances and 2 mitigators, registered through the API (so with a token) and beating.
        assertThat(demo.registered()).isEqualTo(7);
        assertThat(count("select count(*) from products where token_hash is not null and last_heartbeat_at is not null and hostname like '%.corp.example'"))
                .isEqualTo(7);
        assertThat(count("select count(*) from products where type = 'DISCOVERY' and last_received is not null"
                + " and hostname like 'ddi-%'")).isEqualTo(5);
        assertThat(count("select count(*) from accounts where last_received is not null")).isEqualTo(5);
        // What the uploads stored is what the simulator was told it accepted, planted attacks included.
        String demoUploads = "(select id from uploads where product_id in (select id from products where hostname like 'ddi-%'))";
        assertThat(demo.accepted()).isPositive();
        assertThat(count("select count(*) from uploads where id in " + demoUploads)).isEqualTo(demo.uploads());
        assertThat(count("select count(*) from detections where upload_id in " + demoUploads)).isEqualTo(demo.accepted());
        assertThat(count("select count(*) from quarantined_lines where upload_id in " + demoUploads))
                .isEqualTo(demo.rejected()).isEqualTo(demo.plan().malformed());
        Plan.Planted outbreak = demo.plan().planted().stream()
                .filter(p -> p.scenario() == Scenario.OUTBREAK).findFirst().orElseThrow();
        assertThat(jdbc.queryForObject("select count(distinct src_host) from detections where threat_name = ?",
                Long.class, outbreak.malware())).isEqualTo(outbreak.hosts().size());
        assertThat(demo.plan().planted()).hasSize(4);
        // The two accounts with threat mitigation: five days of endpoint statuses back, and two cases each.
        assertThat(demo.statusesAccepted()).isEqualTo(demo.plan().mitigation().statusEntries()).isPositive();
        assertThat(count("select count(*) from endpoint_statuses")).isEqualTo(demo.statusesAccepted());
        assertThat(count("select count(distinct account_id) from endpoint_statuses")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select min(reported_at) from endpoint_statuses", java.sql.Timestamp.class)
                .toInstant()).isBefore(Instant.now().minus(Duration.ofDays(4)));
        assertThat(count("select count(*) from endpoint_statuses where status <> 'RESOLVED'")).isPositive();
        assertThat(jdbc.queryForList("select count(*) from mitigation_cases group by account_id", Long.class))
                .containsExactly(2L, 2L);
        assertThat(demo.caseIds()).hasSize(4);
        mvc.perform(get("/api/v1/accounts").param("sort", "incidents").param("dir", "desc")
                        .with(httpBasic("admin", "smoke-test-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(5));
        String page = mvc.perform(get("/accounts").param("q", "ac").param("sort", "lastReceived")
                        .with(httpBasic("admin", "smoke-test-admin")))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(page).as("the web UI uses form login, not Basic").contains("/login");
    }

    @Test
    void anApplianceRegistersAndUploadsIntoTheEmbeddedDatabase() throws Exception {
        String registrationUser = jdbc.queryForObject("select registration_user from accounts order by id limit 1", String.class);
        jdbc.update("update accounts set registration_password_hash = ? where registration_user = ?",
                new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode("smoke-registration"), registrationUser);
        // Real HTTP: the registration route is served by Camel's platform-http, asynchronously.
        ApplianceClient appliance = new ApplianceClient(port);
        var registered = appliance.post("/api/v1/products", ApplianceClient.basic(registrationUser, "smoke-registration"),
                "application/json", "{\"type\":\"DISCOVERY\",\"hostname\":\"h2-tda\",\"guid\":\"" + java.util.UUID.randomUUID() + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String token = new ObjectMapper().readTree(registered.body()).get("token").asText();
        long productId = new ObjectMapper().readTree(registered.body()).get("productId").asLong();
        var uploaded = appliance.post("/api/v1/logs", "Bearer " + token, "text/plain",
                "CEF:0|Trend Micro|DDI|6.0|20|Malware|8|shost=pc-1 malType=TROJAN\nnot a log line\n");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.body()).contains("\"accepted\":1", "\"rejected\":1");
        assertThat(jdbc.queryForObject("select count(*) from detections where src_host = 'pc-1'", Long.class)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from quarantined_lines where product_id = ?", Long.class,
                productId)).isOne();
    }

    /** Detections read back, an incident recorded over them and its API, page and consolidated logs, all on H2. */
    @Test
    void detectionsAndIncidentsWorkOnTheEmbeddedDatabase(@Autowired Detections detections,
            @Autowired IncidentRecorder recorder) throws Exception {
        long accountId = jdbc.queryForObject("select min(account_id) from detections where extra like '%\"duser\"%'"
                + " or extra like '%\"usrName\"%'",
                Long.class);
        List<StoredDetection> seen = new ArrayList<>();
        long streamed = detections.stream(accountId, Instant.EPOCH, Instant.now().plusSeconds(86_400),
                seen::add);
        assertThat(streamed).isEqualTo(count("select count(*) from detections where account_id = " + accountId))
                .isEqualTo(seen.size());
        assertThat(seen).isSortedAccordingTo(Comparator.comparing(StoredDetection::eventTime)
                .thenComparingLong(StoredDetection::id));
        assertThat(seen).anySatisfy(d -> assertThat(d.user()).isNotBlank());
        List<StoredDetection> evidence = seen.subList(0, 3);
        Set<Long> ids = new LinkedHashSet<>(evidence.stream().map(StoredDetection::id).toList());
        assertThat(detections.byIds(accountId, ids)).extracting(StoredDetection::raw).doesNotContainNull();
        assertThat(detections.streamMadeUp(10, d -> {
            throw new AssertionError("a made-up detection on H2: " + d);
        })).as("the warm-up's rows are PostgreSQL's").isZero();
        IncidentFinding finding = new IncidentFinding("h2-smoke", accountId, "pc-1",
                "H2 smoke, \"quoted\"", "HIGH", List.of("T1110"), evidence.get(0).eventTime(),
                evidence.get(2).eventTime(), Set.of("pc-1"), Set.of(), Set.of(), ids);

        assertThat(recorder.record(accountId, List.of(finding), Map.of()))
                .isEqualTo(new IncidentRecorder.Recorded(1, 0));
        assertThat(recorder.record(accountId, List.of(finding), Map.of()))
                .isEqualTo(new IncidentRecorder.Recorded(0, 0));
        long incident = jdbc.queryForObject("select id from incidents where rule_id = 'h2-smoke'", Long.class);
        mvc.perform(get("/api/v1/incidents/" + incident).with(httpBasic("admin", "smoke-test-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidence.total").value(3))
                .andExpect(jsonPath("$.evidence.items[0].id").value(evidence.get(0).id()));
        mvc.perform(get("/api/v1/accounts/" + accountId + "/incidents").param("rule", "h2-smoke")
                        .with(httpBasic("admin", "smoke-test-admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        String page = mvc.perform(get("/incidents/" + incident)
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Evidence (3 detections)");
        var logs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/accounts/" + accountId
                                + "/consolidated-logs?from=2000-01-01&format=csv"))
                .header("Authorization", ApplianceClient.basic("admin", "smoke-test-admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logs.statusCode()).isEqualTo(200);
        assertThat(logs.body()).contains("\"H2 smoke, \"\"quoted\"\"\"").hasLineCount(4);
    }

    @Test
    void aCorrelationRunOnTheEmbeddedDatabaseFindsThePlantedOutbreak() throws Exception {
        Plan.Planted outbreak = demo.plan().planted().stream()
                .filter(p -> p.scenario() == Scenario.OUTBREAK).findFirst().orElseThrow();
        long accountId = jdbc.queryForObject("select distinct account_id from detections where threat_name = ?",
                Long.class, outbreak.malware());
        // The simulator plants relative to now, so the outbreak may cross midnight: correlate every day it touches.
        for (String edge : new String[] {"min", "max"}) {
            String day = jdbc.queryForObject("select " + edge + "(event_time) from detections where threat_name = ?",
                    OffsetDateTime.class, outbreak.malware()).atZoneSameInstant(ZoneOffset.UTC)
                    .toLocalDate().toString();
            String answer = mvc.perform(post("/api/v1/accounts/" + accountId + "/correlation-runs")
                            .with(httpBasic("admin", "smoke-test-admin")).contentType("application/json")
                            .content("{\"day\":\"" + day + "\"}"))
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
            long runId = new ObjectMapper().readTree(answer).get("runId").asLong();
            // Here the job executor is on, as in production: the run finishes on its own.
            Awaitility.await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    mvc.perform(get("/api/v1/correlation-runs/" + runId).with(httpBasic("admin", "smoke-test-admin")))
                            .andExpect(jsonPath("$.status").value("DONE")));
        }
        assertThat(count("select count(*) from incidents where account_id = " + accountId
                + " and rule_id = 'malware-outbreak'")).isPositive();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
