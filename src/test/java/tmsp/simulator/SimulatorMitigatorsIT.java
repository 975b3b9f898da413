package tmsp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.mitigation.EndpointStatus;
import tmsp.mitigation.internal.SimulatorPatterns;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * The simulator's mitigators against the real portal on PostgreSQL: their status reports become endpoint status
 * rows, their samples cases with the files as sent, and a released pattern is fetched, checked and reported; a
 * corrupted one as FAILED "checksum mismatch" until it is re-issued.
 */
@IntegrationTest
class SimulatorMitigatorsIT {

    static final byte[] PATTERN = "custom cleanup pattern for the outbreak".getBytes(StandardCharsets.UTF_8);
    static final byte[] OTHER = "custom cleanup pattern for the callback".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;
    @Value("${tmsp.mitigation.storage}") Path storage;

    @Test
    void statusesSamplesAndPatternDeploymentsLandInThePortalAsTheSimulatorSaysTheyDid() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "SimulatedMitigators");
        long id = account.id();
        Simulation first = simulation(account, "--status-every", "30m", "--status-history", "1d", "--status-batch", "15",
                "--samples", "2");
        Plan.Mitigation plan = first.plan().mitigation();

        SimulationReport sent = first.run();

        assertThat(sent.problems()).isEmpty();
        assertThat(sent.registered()).isEqualTo(3);
        assertThat(sent.statusReports()).isEqualTo(plan.statusReports()).isEqualTo(2 * (48 + 4 + 1));
        assertThat(sent.statusesAccepted()).isEqualTo(plan.statusEntries()).isEqualTo(sent.statusReports() * 15L);
        assertThat(count("select count(*) from endpoint_statuses where account_id = ?", id)).isEqualTo(plan.statusEntries());
        for (Map.Entry<EndpointStatus, Integer> status : plan.statuses().entrySet()) {
            assertThat(count("select count(*) from endpoint_statuses where account_id = ? and status = ?", id,
                    status.getKey().name())).as("%s", status.getKey()).isEqualTo(status.getValue().longValue());
        }
        assertThat(plan.statuses().keySet()).contains(EndpointStatus.RESOLVED, EndpointStatus.MANUAL_CLEANUP_NEEDED);
        assertThat(count("select count(distinct product_id) from endpoint_statuses where account_id = ? and product_id"
                + " in (select id from products where type = 'MITIGATOR' and account_id = ?)", id, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select min(reported_at) from endpoint_statuses where account_id = ?",
                java.sql.Timestamp.class, id).toInstant()).isEqualTo(plan.from());
        // The endpoints are the hosts the discovery appliance watches; the planted malware's hosts are nonconforming
        // with that malware, in the detections and in the statuses alike.
        SimulatedAppliance discovery = first.fleet().get(0);
        List<String> watched = new ArrayList<>();
        discovery.workstations().forEach(h -> watched.add(h.address() + " " + h.name()));
        discovery.servers().forEach(h -> watched.add(h.address() + " " + h.name()));
        assertThat(jdbc.queryForList("select distinct ip || ' ' || hostname from endpoint_statuses where account_id = ?",
                String.class, id)).isSubsetOf(watched).hasSizeGreaterThan(watched.size() / 2);
        List<Plan.Planted> malware = first.plan().planted().stream().filter(p -> p.malware() != null).toList();
        assertThat(malware).hasSize(2);
        Map<String, List<String>> plantedOn = new java.util.HashMap<>();
        malware.forEach(p -> p.hosts().forEach(h -> plantedOn.computeIfAbsent(h, x -> new ArrayList<>()).add(p.malware())));
        for (Map.Entry<String, List<String>> host : plantedOn.entrySet()) {
            // A host both attacks reached carries both in its detections, and one of them in its statuses.
            List<String> threats = jdbc.queryForList("select distinct threat from endpoint_statuses where account_id = ?"
                    + " and hostname = ? and status <> 'RESOLVED'", String.class, id, host.getKey());
            assertThat(threats).as("%s, planted with %s", host.getKey(), host.getValue()).hasSize(1)
                    .isSubsetOf(host.getValue());
            assertThat(count("select count(*) from detections where account_id = ? and src_host = ?"
                    + " and threat_name = ?", id, host.getKey(), threats.get(0))).isPositive();
        }

        List<Map<String, Object>> cases = jdbc.queryForList("select id, endpoint_ip, endpoint_host, sample_name,"
                + " sample_file, sample_size, sample_sha256, mitigation_server from mitigation_cases"
                + " where account_id = ? order by id", id);
        assertThat(cases).hasSize(4);
        assertThat(sent.caseIds()).containsExactlyInAnyOrderElementsOf(cases.stream()
                .map(c -> ((Number) c.get("id")).longValue()).toList());
        List<String> planned = new ArrayList<>();
        plan.samples().forEach(s -> planned.add(s.fileName() + " " + s.endpointIp() + " " + s.endpointHost() + " "
                + s.size() + " " + s.mitigator()));
        assertThat(cases.stream().map(c -> c.get("sample_name") + " " + c.get("endpoint_ip") + " "
                + c.get("endpoint_host") + " " + c.get("sample_size") + " " + c.get("mitigation_server")))
                .containsExactlyInAnyOrderElementsOf(planned);
        for (Map<String, Object> c : cases) {
            Path file = storage.resolve("samples").resolve((String) c.get("sample_file"));
            byte[] stored = Files.readAllBytes(file);
            assertThat(stored).startsWith(0x50, 0x4B, 0x03, 0x04);
            assertThat(SimulatedMitigators.sha256(stored)).isEqualTo(c.get("sample_sha256"));
        }

        // Two released patterns, one per mitigator's case; the second's file is damaged on disk.
        SimulatorPatterns patterns = new SimulatorPatterns(context);
        long caseOfFirst = ((Number) cases.get(0).get("id")).longValue();
        String firstServer = (String) cases.get(0).get("mitigation_server");
        long caseOfSecond = cases.stream().filter(c -> !c.get("mitigation_server").equals(firstServer))
                .map(c -> ((Number) c.get("id")).longValue()).findFirst().orElseThrow();
        long intact = patterns.release(caseOfFirst, "CP-SIM-1", PATTERN);
        long corrupted = patterns.release(caseOfSecond, "CP-SIM-2", OTHER);
        patterns.corrupt(corrupted);

        SimulationReport deployed = simulation(account, "--status-every", "off", "--samples", "0").run();

        assertThat(deployed.problems()).isEmpty();
        assertThat(deployed.patternsFetched()).isEqualTo(2);
        assertThat(deployed.deployed()).isOne();
        assertThat(deployed.deploymentsFailed()).isOne();
        assertThat(deployment(intact)).containsEntry("result", "SUCCESS").containsEntry("revision", 1);
        assertThat(deployment(intact).get("fetched_at")).isNotNull();
        assertThat(deployment(intact).get("reported_at")).isNotNull();
        assertThat(deployment(corrupted)).containsEntry("result", "FAILED").containsEntry("revision", 1);
        assertThat((String) deployment(corrupted).get("detail")).startsWith("checksum mismatch");
        assertThat(count("select count(*) from mitigation_cases where account_id = ?", id))
                .as("the second run sent no samples").isEqualTo(4);

        // Re-issued, the corrupted pattern is fetched again and now deploys.
        assertThat(patterns.reissue(corrupted, OTHER)).isEqualTo(2);
        SimulationReport again = simulation(account, "--status-every", "off", "--samples", "0").run();

        assertThat(again.problems()).isEmpty();
        assertThat(again.deployed()).isPositive();
        assertThat(again.deploymentsFailed()).isZero();
        assertThat(deployment(corrupted)).containsEntry("result", "SUCCESS").containsEntry("revision", 2);
        assertThat(deployment(intact)).containsEntry("result", "SUCCESS").containsEntry("revision", 1);
    }

    @Test
    void atARateTheyReportWhenDueNeverAheadOfThePortalAndKeepPollingDeploysAPatternReleasedMeanwhile() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "TimedMitigators");
        long id = account.id();
        Simulation simulation = new Simulation(SimulatorOptions.parse(new String[] {"--url", "http://127.0.0.1:" + port,
                "--registration-user", account.registrationUser(), "--registration-password", TestAccounts.PASSWORD,
                "--appliances", "1", "--mitigators", "1", "--rate", "100", "--events", "300", "--status-every", "1s",
                "--samples", "1", "--patterns-every", "1s", "--keep-polling", "15s", "--seed", "6"}, Instant.now()));
        Plan.Mitigation plan = simulation.plan().mitigation();
        assertThat(plan.statusReports()).isEqualTo(4);
        CompletableFuture<SimulationReport> running = CompletableFuture.supplyAsync(() -> {
            try {
                return simulation.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        long caseId = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "select id from mitigation_cases where account_id = ?", Long.class, id), c -> !c.isEmpty()).get(0);
        long pattern = new SimulatorPatterns(context).release(caseId, "CP-TIMED", PATTERN);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList("select result from pattern_deployments"
                + " where pattern_id = ?", String.class, pattern), r -> r.equals(List.of("SUCCESS")));
        SimulationReport report = running.get(60, TimeUnit.SECONDS);

        assertThat(report.problems()).isEmpty();
        assertThat(report.took()).as("sent as the timeline came, then polled on").isGreaterThan(Duration.ofSeconds(15));
        assertThat(report.statusesAccepted()).isEqualTo(plan.statusEntries());
        assertThat(count("select count(*) from endpoint_statuses where account_id = ?", id)).isEqualTo(plan.statusEntries());
        assertThat(count("select count(*) from endpoint_statuses where account_id = ? and reported_at > received_at", id))
                .as("no entry dated after it arrived").isZero();
        assertThat(report.deployed()).isOne();
    }

    /** The same seed re-registers the same mitigators (new tokens, same products), as a restarted fleet would. */
    private Simulation simulation(TestAccounts.Created account, String... mitigation) {
        List<String> args = new ArrayList<>(List.of("--url", "http://127.0.0.1:" + port, "--registration-user",
                account.registrationUser(), "--registration-password", TestAccounts.PASSWORD, "--appliances", "1",
                "--mitigators", "2", "--events", "300", "--rate", "0", "--span", "2h", "--seed", "5"));
        args.addAll(List.of(mitigation));
        return new Simulation(SimulatorOptions.parse(args.toArray(String[]::new), Instant.now()));
    }

    private Map<String, Object> deployment(long patternId) {
        return jdbc.queryForMap("select result, revision, detail, fetched_at, reported_at from pattern_deployments"
                + " where pattern_id = ?", patternId);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
