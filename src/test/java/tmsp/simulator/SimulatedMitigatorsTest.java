package tmsp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mitigators against a stand-in of the portal's mitigator API: what they send when, and how they check and
 * report the cleanup patterns offered to them.
 */
class SimulatedMitigatorsTest {

    record Call(String method, String path, String query, String contentType, String authorization, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
    static final byte[] PATTERN = "pattern bytes, revision 1".getBytes(StandardCharsets.UTF_8);
    static final byte[] CORRUPTED = "pattern bytes, revision 1, damaged on the way".getBytes(StandardCharsets.UTF_8);

    final ObjectMapper json = new ObjectMapper();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** The listing the stand-in answers, and the file of each pattern. */
    volatile String listing = "[]";
    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    volatile int deploymentStatus = 200;
    HttpServer server;
    PortalClient portal;

    final SimulatedAppliance discovery = SimulatedAppliance.of(3, 0, "acme-appliances", SimulatedAppliance.Type.DISCOVERY);
    final SimulatedAppliance mitigator = SimulatedAppliance.of(3, 1, "acme-appliances", SimulatedAppliance.Type.MITIGATOR);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/mitigation/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            if (path.endsWith("/endpoint-statuses")) {
                int entries = json.readTree(body).size();
                answer(exchange, 200, "{\"accepted\":" + (entries - 1) + ",\"rejected\":[{\"index\":0,\"reason\":\"no\"}]}");
            } else if (path.endsWith("/samples")) {
                answer(exchange, 201, "{\"caseId\":41,\"size\":" + body.length + ",\"sha256\":\""
                        + SimulatedMitigators.sha256(body) + "\"}");
            } else if (path.equals("/api/v1/mitigation/patterns")) {
                answer(exchange, 200, listing);
            } else if (path.endsWith("/file")) {
                byte[] file = files.get(path);
                exchange.sendResponseHeaders(200, file.length);
                exchange.getResponseBody().write(file);
                exchange.close();
            } else if (path.endsWith("/deployments")) {
                answer(exchange, deploymentStatus, "{\"recorded\":true}");
            } else {
                answer(exchange, 404, "{}");
            }
        });
        server.start();
        portal = new PortalClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void reportsAndSamplesGoWhenDueInTimeOrderAsTheApiWantsThem() throws Exception {
        MitigatorTraffic.EndpointReport entry = new MitigatorTraffic.EndpointReport("10.16.0.11", "acme1-ws-001",
                tmsp.mitigation.EndpointStatus.MANUAL_CLEANUP_NEEDED, "WORM_DOWNAD.AD", START.minusSeconds(30));
        MitigatorTraffic.EndpointReport resolved = new MitigatorTraffic.EndpointReport("10.16.0.12", "acme1-ws-002",
                tmsp.mitigation.EndpointStatus.RESOLVED, "TROJ_ICEDID.SMD", START.minusSeconds(20));
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3};
        MitigatorTraffic traffic = new MitigatorTraffic(List.of(
                new MitigatorTraffic.StatusReport(mitigator, START, List.of(entry, resolved)),
                new MitigatorTraffic.StatusReport(mitigator, START.plusSeconds(600), List.of(resolved))),
                List.of(new MitigatorTraffic.ForensicSample(mitigator, START.plusSeconds(300),
                        new Host("acme1-ws-001", "10.16.0.11", "00:0C:29:00:00:0B"), "WORM_DOWNAD.AD",
                        "forensic sample #1.zip", zip)), null);
        SimulationReport report = new SimulationReport(null);
        SimulatedMitigators mitigators = new SimulatedMitigators(traffic, portal, report);
        Map<SimulatedAppliance, String> tokens = Map.of(mitigator, "tok");

        mitigators.sendDue(tokens, START.plusSeconds(299));
        assertThat(calls).hasSize(1);
        mitigators.sendDue(tokens, START.plusSeconds(600));

        assertThat(calls).extracting(Call::path).containsExactly("/api/v1/mitigation/endpoint-statuses",
                "/api/v1/mitigation/samples", "/api/v1/mitigation/endpoint-statuses");
        Call statuses = calls.get(0);
        assertThat(statuses.contentType()).isEqualTo("application/json");
        assertThat(statuses.authorization()).isEqualTo("Bearer tok");
        JsonNode first = json.readTree(statuses.body()).get(0);
        assertThat(first.get("ip").asText()).isEqualTo("10.16.0.11");
        assertThat(first.get("hostname").asText()).isEqualTo("acme1-ws-001");
        assertThat(first.get("status").asText()).isEqualTo("MANUAL_CLEANUP_NEEDED");
        assertThat(first.get("threat").asText()).isEqualTo("WORM_DOWNAD.AD");
        assertThat(Instant.parse(first.get("time").asText())).isEqualTo(START.minusSeconds(30));
        Call sample = calls.get(1);
        assertThat(sample.contentType()).isEqualTo("application/zip");
        assertThat(sample.query()).isEqualTo("endpointIp=10.16.0.11&endpointHost=acme1-ws-001"
                + "&fileName=forensic+sample+%231.zip");
        assertThat(sample.body()).isEqualTo(zip);
        assertThat(report.statusReports()).isEqualTo(2);
        assertThat(report.statusesAccepted()).isEqualTo(1);
        assertThat(report.statusesRejected()).isEqualTo(2);
        assertThat(report.problems()).as("a refused entry is a problem of the run")
                .anyMatch(p -> p.contains("refused entry 0: no"));
        assertThat(report.samples()).isOne();
        assertThat(report.caseIds()).containsExactly(41L);
        assertThat(mitigators.lastDue()).isEqualTo(START.plusSeconds(600));
    }

    @Test
    void aPatternIsCheckedAgainstItsListedHashReportedOncePerRevisionAndFetchedAgainWhenReissued() throws Exception {
        files.put("/api/v1/mitigation/patterns/7/file", PATTERN);
        files.put("/api/v1/mitigation/patterns/8/file", CORRUPTED);
        listing = listing(offer(7, 1, PATTERN), offer(8, 1, PATTERN));
        SimulationReport report = new SimulationReport(null);
        SimulatedMitigators mitigators = new SimulatedMitigators(MitigatorTraffic.none(), portal, report);
        Map<SimulatedAppliance, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put(discovery, "discovery-token");
        tokens.put(mitigator, "tok");

        mitigators.pollPatterns(tokens);

        assertThat(calls).as("discovery appliances are not asked").allMatch(c -> c.authorization().equals("Bearer tok"));
        List<JsonNode> deployments = deployments();
        assertThat(deployments).hasSize(2);
        assertThat(deployments.get(0).get("revision").asInt()).isEqualTo(1);
        assertThat(deployments.get(0).get("result").asText()).isEqualTo("SUCCESS");
        assertThat(deployments.get(1).get("result").asText()).isEqualTo("FAILED");
        assertThat(deployments.get(1).get("detail").asText()).startsWith("checksum mismatch")
                .contains(SimulatedMitigators.sha256(CORRUPTED), SimulatedMitigators.sha256(PATTERN));
        assertThat(calls).filteredOn(c -> c.path().endsWith("/deployments")).extracting(Call::path)
                .containsExactly("/api/v1/mitigation/patterns/7/deployments", "/api/v1/mitigation/patterns/8/deployments");
        assertThat(report.deployed()).isOne();
        assertThat(report.deploymentsFailed()).isOne();

        mitigators.pollPatterns(tokens);
        assertThat(deployments()).as("a revision already reported is not reported again").hasSize(2);

        // The corrupted one is re-issued: a new revision, fetched and reported anew.
        files.put("/api/v1/mitigation/patterns/8/file", PATTERN);
        listing = listing(offer(7, 1, PATTERN), offer(8, 2, PATTERN));
        mitigators.pollPatterns(tokens);
        assertThat(deployments()).hasSize(3);
        assertThat(deployments().get(2).get("revision").asInt()).isEqualTo(2);
        assertThat(deployments().get(2).get("result").asText()).isEqualTo("SUCCESS");
        assertThat(report.patternsFetched()).isEqualTo(3);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void aRevisionReissuedMeanwhileIsLeftForTheNextPollAndOtherRefusalsAreProblems() throws Exception {
        files.put("/api/v1/mitigation/patterns/7/file", PATTERN);
        listing = listing(offer(7, 1, PATTERN));
        SimulationReport report = new SimulationReport(null);
        SimulatedMitigators mitigators = new SimulatedMitigators(MitigatorTraffic.none(), portal, report);
        Map<SimulatedAppliance, String> tokens = Map.of(mitigator, "tok");

        deploymentStatus = 409;
        mitigators.pollPatterns(tokens);
        assertThat(report.problems()).isEmpty();
        deploymentStatus = 200;
        mitigators.pollPatterns(tokens);
        assertThat(deployments()).as("not recorded on 409, so asked again").hasSize(2);
        assertThat(report.deployed()).isOne();

        server.removeContext("/api/v1/mitigation/");
        server.createContext("/api/v1/mitigation/", exchange -> answer(exchange, 403, "{\"status\":403}"));
        mitigators.pollPatterns(tokens);
        assertThat(report.problems()).anyMatch(p -> p.contains("403"));
    }

    private List<JsonNode> deployments() {
        return calls.stream().filter(c -> c.path().endsWith("/deployments")).map(c -> {
            try {
                return json.readTree(c.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String offer(long id, int revision, byte[] file) {
        return "{\"patternId\":" + id + ",\"name\":\"CP-" + id + "\",\"revision\":" + revision + ",\"caseId\":3,"
                + "\"fileName\":\"cp" + id + ".ptn\",\"size\":" + file.length + ",\"sha256\":\"" + SimulatedMitigators.sha256(file)
                + "\",\"download\":\"/api/v1/mitigation/patterns/" + id + "/file\"}";
    }

    private static String listing(String... offers) {
        return "[" + String.join(",", offers) + "]";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
