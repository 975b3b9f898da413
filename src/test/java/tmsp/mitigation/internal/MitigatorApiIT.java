package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.mitigation.MitigationEvents.PatternDeploymentReported;
import tmsp.mitigation.MitigationEvents.ThreatSampleReceived;
import tmsp.support.ApplianceClient;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** The mitigator endpoints over real HTTP on loopback: status batches, forensic samples, cleanup patterns. */
@IntegrationTest
class MitigatorApiIT {

    static final String STATUSES = "/api/v1/mitigation/endpoint-statuses";
    static final String SAMPLES = "/api/v1/mitigation/samples";
    static final String HOST = "tda-01.corp.example";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired ConfigurableApplicationContext context;
    @Autowired MitigationProperties properties;
    @Autowired MitigationCases cases;
    @Autowired CleanupPatterns patterns;
    @Autowired PatternDeployments deployments;
    @Autowired FileStore store;
    @Autowired TransactionTemplate transaction;

    /** An event the portal published, and whether a transaction was open when it did. */
    record Published(Object event, boolean inTransaction) {
    }

    final List<Published> published = new CopyOnWriteArrayList<>();
    final ApplicationListener<ApplicationEvent> recorder = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload && (payload.getPayload() instanceof ThreatSampleReceived
                || payload.getPayload() instanceof PatternDeploymentReported)) {
            published.add(new Published(payload.getPayload(), TransactionSynchronizationManager.isActualTransactionActive()));
        }
    };

    ApplianceClient client;
    final HttpClient http = HttpClient.newHttpClient();
    TestAccounts.Created account;
    long productId;
    String token;
    String discoveryToken;

    @BeforeEach
    void aMitigatorAndADiscoveryAppliance() throws Exception {
        context.addApplicationListener(recorder);
        client = new ApplianceClient(port);
        account = TestAccounts.create(mvc, json, jdbc, "Mitigation");
        JsonNode mitigator = registered("MITIGATOR");
        productId = mitigator.get("productId").asLong();
        token = mitigator.get("token").asText();
        discoveryToken = registered("DISCOVERY").get("token").asText();
    }

    @AfterEach
    void stopRecording() {
        context.removeApplicationListener(recorder);
    }

    private JsonNode registered(String type) throws Exception {
        HttpResponse<String> answer = client.register(account, type, UUID.randomUUID().toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body());
    }

    private HttpResponse<String> statuses(String body) throws Exception {
        return client.post(STATUSES, "Bearer " + token, "application/json", body);
    }

    private long storedStatuses() {
        return jdbc.queryForObject("select count(*) from endpoint_statuses where product_id = ?", Long.class, productId);
    }

    private static String status(String ip, String status, Instant time) {
        return "{\"ip\":\"" + ip + "\",\"hostname\":\"pc-" + ip.hashCode() + "\",\"status\":\"" + status
                + "\",\"threat\":\"TROJ_GEN.R002C0\",\"time\":\"" + time + "\"}";
    }

    // ---- endpoint statuses

    @Test
    void aGoodBatchIsStoredWithTheMitigatorsAccountAndProduct() throws Exception {
        Instant time = Instant.parse("2026-12-01T10:15:30Z");
        HttpResponse<String> answer = statuses("[" + status("10.0.0.1", "MITIGATION_IN_PROGRESS", time) + ","
                + status("2001:db8::7", "Assessed endpoint: manual cleanup needed", time) + ","
                + status("10.0.0.3", "resolved threats", time) + "]");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json.readTree(answer.body())).isEqualTo(json.readTree("{\"accepted\":3,\"rejected\":[]}"));
        List<Map<String, Object>> rows = jdbc.queryForList("select account_id, ip, status, threat, reported_at "
                + "from endpoint_statuses where product_id = ? order by ip", productId);
        assertThat(rows).extracting(r -> r.get("ip") + " " + r.get("status"))
                .containsExactly("10.0.0.1 MITIGATION_IN_PROGRESS", "10.0.0.3 RESOLVED", "2001:db8::7 MANUAL_CLEANUP_NEEDED");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("account_id")).isEqualTo(account.id());
            assertThat(r.get("threat")).isEqualTo("TROJ_GEN.R002C0");
            assertThat(((java.sql.Timestamp) r.get("reported_at")).toInstant()).isEqualTo(time);
        });
    }

    @Test
    void aMixedBatchKeepsTheGoodEntriesAndNamesEachBadOne() throws Exception {
        Instant time = Instant.now().minusSeconds(60);
        HttpResponse<String> answer = statuses("{\"statuses\":[" + status("10.0.0.1", "RESOLVED", time) + ","
                + status("10.0.0.300", "RESOLVED", time) + ","
                + status("10.0.0.2", "Rebooting", time) + ","
                + "{\"ip\":\"10.0.0.4\",\"status\":\"UNRESOLVED\"},"
                + status("10.0.0.5", "UNRESOLVED", Instant.now().plus(Duration.ofDays(2))) + ","
                + "\"10.0.0.6\","
                + status("::1", "No mitigation: endpoint unreachable", time) + "]}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        List<String> rejected = new ArrayList<>();
        body.get("rejected").forEach(r -> rejected.add(r.get("index").asInt() + ": " + r.get("reason").asText()));
        assertThat(rejected).hasSize(5);
        assertThat(rejected.get(0)).startsWith("1: ").contains("not an IPv4 or IPv6 address");
        assertThat(rejected.get(1)).isEqualTo("2: unknown status 'Rebooting'");
        assertThat(rejected.get(2)).isEqualTo("3: time is missing");
        assertThat(rejected.get(3)).startsWith("4: ").contains("more than a day in the future");
        assertThat(rejected.get(4)).isEqualTo("5: not an object");
        assertThat(jdbc.queryForList("select ip from endpoint_statuses where product_id = ? order by ip", String.class,
                productId)).containsExactly("10.0.0.1", "::1");
    }

    @Test
    void aBodyThatIsNotAJsonListIsRefusedWhole() throws Exception {
        for (String malformed : new String[] {"[{\"ip\":\"10.0.0.1\",", "[{\"ip\":\"10.0.0.1\"}] trailing", "{}",
                "{\"statuses\":{}}", "null", "", "\"text\"", "<xml/>"}) {
            HttpResponse<String> answer = statuses(malformed);
            assertThat(answer.statusCode()).as(malformed).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(client.post(STATUSES, "Bearer " + token, "text/plain", "[]").statusCode()).isEqualTo(415);
        assertThat(client.post(STATUSES, "Bearer " + token, "application/x-www-form-urlencoded", "a=b").statusCode())
                .isEqualTo(415);
        assertThat(storedStatuses()).isZero();
    }

    @Test
    void anOversizedBatchIsRefusedWhole() throws Exception {
        String entry = status("10.0.0.1", "RESOLVED", Instant.parse("2026-12-01T00:00:00Z"));
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(properties.maxStatusBatch() + 1, entry)) + "]";
        HttpResponse<String> answer = statuses(tooMany);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // Few entries, but a body past the limit: refused without reading it all.
        String padded = "[" + entry + "," + " ".repeat(3 * 1024 * 1024) + entry + "]";
        assertThat(statuses(padded).statusCode()).isEqualTo(413);
        assertThat(storedStatuses()).isZero();
        String enough = "[" + String.join(",", java.util.Collections.nCopies(properties.maxStatusBatch(), entry)) + "]";
        assertThat(statuses(enough).statusCode()).isEqualTo(200);
        assertThat(storedStatuses()).isEqualTo(properties.maxStatusBatch());
    }

    @Test
    void aWrongTokenIs401AndADiscoveryAppliance403OnEveryMitigatorCall() throws Exception {
        String entry = "[" + status("10.0.0.1", "RESOLVED", Instant.now()) + "]";
        byte[] zip = zip(1000);
        for (String authorization : new String[] {null, "Bearer tmsp_not-a-token", "Basic "
                + java.util.Base64.getEncoder().encodeToString((account.registrationUser() + ":" + TestAccounts.PASSWORD)
                .getBytes(StandardCharsets.UTF_8))}) {
            assertProblem(client.post(STATUSES, authorization, "application/json", entry), 401);
            assertProblem(client.post(SAMPLES, zip, "Authorization", authorization, "Content-Type", "application/zip"), 401);
            assertProblem(get("/api/v1/mitigation/patterns", authorization), 401);
            assertProblem(get("/api/v1/mitigation/patterns/1/file", authorization), 401);
            assertProblem(client.post("/api/v1/mitigation/patterns/1/deployments", authorization, "application/json",
                    "{\"revision\":1,\"result\":\"SUCCESS\"}"), 401);
        }
        String discovery = "Bearer " + discoveryToken;
        assertProblem(client.post(STATUSES, discovery, "application/json", entry), 403);
        assertProblem(client.post(SAMPLES, zip, "Authorization", discovery, "Content-Type", "application/zip"), 403);
        assertProblem(get("/api/v1/mitigation/patterns", discovery), 403);
        assertProblem(get("/api/v1/mitigation/patterns/1/file", discovery), 403);
        assertProblem(client.post("/api/v1/mitigation/patterns/1/deployments", discovery, "application/json",
                "{\"revision\":1,\"result\":\"SUCCESS\"}"), 403);
        assertThat(jdbc.queryForObject("select count(*) from endpoint_statuses where account_id = ?", Long.class,
                account.id())).isZero();
        assertThat(cases.findByAccountId(account.id())).isEmpty();
    }

    private static void assertProblem(HttpResponse<?> answer, int status) {
        assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(answer.uri().toString())
                .hasValue("application/problem+json");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    // ---- forensic samples

    @Test
    void aSampleIsStoredAsSentAndOpensACase() throws Exception {
        byte[] zip = zip(200_000);
        HttpResponse<String> answer = client.post(SAMPLES + "?endpointIp=10.20.30.40&endpointHost=pc-40.corp.example"
                        + "&fileName=C%3A%5Cagent%5Cforensics-40.zip", zip,
                "Authorization", "Bearer " + token, "Content-Type", "application/zip");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode body = json.readTree(answer.body());
        long caseId = body.get("caseId").asLong();
        assertThat(answer.headers().firstValue("Location")).hasValue("/api/v1/mitigation-cases/" + caseId);
        assertThat(body.get("size").asLong()).isEqualTo(zip.length);
        assertThat(body.get("sha256").asText()).isEqualTo(sha256(zip));

        Map<String, Object> row = jdbc.queryForMap("select * from mitigation_cases where id = ?", caseId);
        assertThat(row).containsEntry("account_id", account.id()).containsEntry("product_id", productId)
                .containsEntry("mitigation_server", HOST).containsEntry("status", "SAMPLE_RECEIVED")
                .containsEntry("endpoint_ip", "10.20.30.40").containsEntry("endpoint_host", "pc-40.corp.example")
                .containsEntry("sample_name", "forensics-40.zip").containsEntry("sample_size", (long) zip.length)
                .containsEntry("sample_sha256", sha256(zip));
        Path stored = samples().resolve((String) row.get("sample_file"));
        assertThat(Files.readAllBytes(stored)).isEqualTo(zip);
        assertThat(jdbc.queryForList("select actor || ' ' || step from mitigation_case_steps where case_id = ?",
                String.class, caseId)).containsExactly(HOST + " SAMPLE_RECEIVED");
        assertThat(published).containsExactly(new Published(new ThreatSampleReceived(caseId, account.id(), HOST,
                "10.20.30.40 (pc-40.corp.example)", zip.length, sha256(zip)), true));
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'MITIGATION_CASE' and actor = ?"
                + " and target = ?", Long.class, HOST, "case #" + caseId + " of account #" + account.id())).isOne();
    }

    @Test
    void aSampleOverTheLimitByItsLengthIsRefusedAtOnceAndKeepsNothing() throws Exception {
        long limit = properties.maxSampleSize().toBytes();
        List<String> before = storedFiles();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            // Only the headers: the answer comes before any of the body is sent.
            socket.getOutputStream().write(headers(SAMPLES, "Content-Length: " + (limit + 1)));
            assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 413 ");
        }
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(cases.findByAccountId(account.id())).isEmpty();
    }

    @Test
    void aChunkedSampleGoingOverTheLimitIsRefusedWhileSentAndKeepsNothing() throws Exception {
        long limit = properties.maxSampleSize().toBytes();
        List<String> before = storedFiles();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(headers(SAMPLES, "Transfer-Encoding: chunked"));
            // More than the limit, never ended: the refusal must come while the client is still sending.
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    chunk(out, new byte[] {'P', 'K', 3, 4});
                    byte[] part = new byte[64 * 1024];
                    for (long sent = 4; sent <= limit + part.length; sent += part.length) {
                        chunk(out, part);
                    }
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // the portal may close the connection before all of it is sent
                }
            });
            assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 413 ");
            sending.cancel(true);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> incomingParts().isEmpty());
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(cases.findByAccountId(account.id())).isEmpty();
    }

    @Test
    void aSampleThatBreaksOffKeepsNothing() throws Exception {
        List<String> before = storedFiles();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(headers(SAMPLES, "Content-Length: " + 1024 * 1024));
            byte[] part = zip(100 * 1024);
            out.write(part, 0, 100 * 1024);
            out.flush();
            // The portal is streaming it into the store...
            await().atMost(Duration.ofSeconds(10)).until(() -> !incomingParts().isEmpty());
        }
        // ...and the client went away after a tenth of it.
        await().atMost(Duration.ofSeconds(10)).until(() -> incomingParts().isEmpty());
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(cases.findByAccountId(account.id())).isEmpty();
    }

    @Test
    void onlyAZipIsTaken() throws Exception {
        List<String> before = storedFiles();
        String auth = "Bearer " + token;
        assertProblem(client.post(SAMPLES, "just some text, not a zip".getBytes(StandardCharsets.UTF_8),
                "Authorization", auth, "Content-Type", "application/zip"), 415);
        assertProblem(client.post(SAMPLES, new byte[] {'P', 'K'}, "Authorization", auth, "Content-Type",
                "application/octet-stream"), 415);
        // An empty archive starts with the end record (PK\5\6), not an entry.
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        new ZipOutputStream(empty).close();
        assertProblem(client.post(SAMPLES, empty.toByteArray(), "Authorization", auth, "Content-Type",
                "application/zip"), 415);
        assertProblem(client.post(SAMPLES, zip(100), "Authorization", auth, "Content-Type", "text/plain"), 415);
        assertProblem(client.post(SAMPLES, zip(100), "Authorization", auth), 415);
        assertProblem(client.post(SAMPLES + "?endpointIp=pc-40", zip(100), "Authorization", auth,
                "Content-Type", "application/zip"), 400);
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(cases.findByAccountId(account.id())).isEmpty();
    }

    @Test
    void aZipBombIsStoredAsSentAndNeverUnpacked() throws Exception {
        byte[] small = bomb(16L << 20);
        try (ZipInputStream check = new ZipInputStream(new ByteArrayInputStream(small))) {
            assertThat(check.getNextEntry().getName()).isEqualTo("zeros.bin");
            assertThat(check.transferTo(OutputStream.nullOutputStream())).as("the bomb is a real zip").isEqualTo(16L << 20);
        }
        byte[] bomb = bomb(2L << 30);
        assertThat(bomb.length).as("2 GiB of zeros in a few megabytes").isLessThan((int) properties.maxSampleSize().toBytes());

        long started = System.nanoTime();
        HttpResponse<String> answer = client.post(SAMPLES + "?fileName=bomb.zip", bomb,
                "Authorization", "Bearer " + token, "Content-Type", "application/zip");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(took).as("inflating 2 GiB would take far longer").isLessThan(Duration.ofSeconds(5));
        long caseId = json.readTree(answer.body()).get("caseId").asLong();
        String file = jdbc.queryForObject("select sample_file from mitigation_cases where id = ?", String.class, caseId);
        assertThat(Files.size(samples().resolve(file))).isEqualTo(bomb.length);
        assertThat(sha256(Files.readAllBytes(samples().resolve(file)))).isEqualTo(sha256(bomb));
    }

    // ---- cleanup patterns

    @Test
    void aMitigatorListsFetchesAndReportsThePatternsThatTargetIt() throws Exception {
        PatternFixture fixture = new PatternFixture(cases, patterns, deployments, store, transaction);
        byte[] content = "pattern revision 1".getBytes(StandardCharsets.UTF_8);
        PatternFixture.Released released = fixture.released(account.id(), productId, HOST, "TSC-4711", content);
        long id = released.patternId();

        HttpResponse<String> list = get("/api/v1/mitigation/patterns", "Bearer " + token);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(json.readTree(list.body())).isEqualTo(json.readTree(json.writeValueAsString(List.of(Map.of(
                "patternId", id, "name", "TSC-4711", "revision", 1, "caseId", released.caseId(),
                "fileName", "TSC-4711.ptn", "size", content.length, "sha256", sha256(content),
                "download", "/api/v1/mitigation/patterns/" + id + "/file")))));

        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> file = download("/api/v1/mitigation/patterns/" + id + "/file");
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(content);
            assertThat(file.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(file.headers().firstValue("Content-Disposition")).get().asString()
                    .startsWith("attachment").contains("TSC-4711.ptn");
        }
        assertThat(steps(released.caseId())).as("fetched once per revision").containsExactly(HOST + " PATTERN_FETCHED");

        assertThat(report(id, "{\"revision\":1,\"result\":\"FAILED\",\"detail\":\"checksum mismatch\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> success = report(id, "{\"revision\":1,\"result\":\"success\"}");
        assertThat(success.statusCode()).as(success.body()).isEqualTo(200);
        assertThat(json.readTree(success.body())).isEqualTo(json.readTree("{\"recorded\":true}"));
        assertThat(report(id, "{\"revision\":1,\"result\":\"SUCCESS\"}").statusCode()).as("a retried report").isEqualTo(200);

        PatternDeployment deployment = deployments.findById(new PatternDeployment.Key(id, productId)).orElseThrow();
        assertThat(deployment.result()).isEqualTo(PatternDeployment.Result.SUCCESS);
        assertThat(deployment.fetchedAt()).isNotNull();
        assertThat(steps(released.caseId())).containsExactly(HOST + " PATTERN_FETCHED", HOST + " DEPLOYMENT_FAILED",
                HOST + " DEPLOYMENT_SUCCEEDED");
        assertThat(published).containsExactly(
                new Published(new PatternDeploymentReported(id, released.caseId(), productId, 1, false, "checksum mismatch"), true),
                new Published(new PatternDeploymentReported(id, released.caseId(), productId, 1, true, null), true));

        for (String bad : new String[] {"{\"result\":\"SUCCESS\"}", "{\"revision\":\"one\",\"result\":\"SUCCESS\"}",
                "{\"revision\":1,\"result\":\"MAYBE\"}", "{\"revision\":1,\"result\":\"FAILED\",\"detail\":[1]}", "{"}) {
            assertThat(report(id, bad).statusCode()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void anotherAccountsPatternIsUnknownAndAnOldRevisionAConflict() throws Exception {
        PatternFixture fixture = new PatternFixture(cases, patterns, deployments, store, transaction);
        TestAccounts.Created other = TestAccounts.create(mvc, json, jdbc, "Other");
        HttpResponse<String> otherMitigator = client.register(other, "MITIGATOR", UUID.randomUUID().toString());
        long otherProduct = json.readTree(otherMitigator.body()).get("productId").asLong();
        long foreign = fixture.released(other.id(), otherProduct, "other-mitigator", "TSC-9",
                new byte[] {1, 2, 3}).patternId();

        assertThat(json.readTree(get("/api/v1/mitigation/patterns", "Bearer " + token).body())).isEmpty();
        assertProblem(get("/api/v1/mitigation/patterns/" + foreign + "/file", "Bearer " + token), 404);
        assertProblem(report(foreign, "{\"revision\":1,\"result\":\"SUCCESS\"}"), 404);
        assertProblem(get("/api/v1/mitigation/patterns/999999999/file", "Bearer " + token), 404);
        assertProblem(get("/api/v1/mitigation/patterns/abc/file", "Bearer " + token), 404);
        assertThat(deployments.findById(new PatternDeployment.Key(foreign, otherProduct)).orElseThrow().result())
                .isEqualTo(PatternDeployment.Result.PENDING);

        long own = fixture.released(account.id(), productId, HOST, "TSC-10", new byte[] {1}).patternId();
        byte[] repaired = "re-issued".getBytes(StandardCharsets.UTF_8);
        assertThat(fixture.reissue(own, productId, repaired)).isEqualTo(2);
        assertProblem(report(own, "{\"revision\":1,\"result\":\"SUCCESS\"}"), 409);
        assertThat(download("/api/v1/mitigation/patterns/" + own + "/file").body()).isEqualTo(repaired);
        assertThat(report(own, "{\"revision\":2,\"result\":\"SUCCESS\"}").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> report(long patternId, String body) throws Exception {
        return client.post("/api/v1/mitigation/patterns/" + patternId + "/deployments", "Bearer " + token,
                "application/json", body);
    }

    private List<String> steps(long caseId) {
        return jdbc.queryForList("select actor || ' ' || step from mitigation_case_steps where case_id = ? "
                + "and step <> 'SAMPLE_RECEIVED' order by at, id", String.class, caseId);
    }

    // ---- helpers

    private Path samples() {
        return properties.storage().toAbsolutePath().normalize().resolve("samples");
    }

    private List<String> storedFiles() throws IOException {
        Path root = properties.storage().toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).map(Path::toString).sorted().toList();
        }
    }

    private List<String> incomingParts() throws IOException {
        return storedFiles().stream().filter(f -> f.startsWith("incoming")).toList();
    }

    private byte[] headers(String path, String lengthHeader) {
        return ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/zip\r\n" + lengthHeader + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String statusLine(Socket socket) throws IOException {
        String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        return line == null ? "" : line.substring(0, Math.min(line.length(), 13));
    }

    /** A zip of about {@code size} bytes of random (incompressible) content. */
    static byte[] zip(int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("memory.dmp"));
            zip.write(content);
        }
        return bytes.toByteArray();
    }

    /**
     * A zip with one entry that inflates to {@code inflated} zeros. Made in a moment: one fully flushed deflate block
     * of a mebibyte of zeros, repeated (each block stands alone), then an empty final block.
     */
    static byte[] bomb(long inflated) throws IOException {
        byte[] zeros = new byte[1 << 20];
        byte[] block = deflate(zeros, Deflater.FULL_FLUSH);
        byte[] end = deflate(new byte[0], -1);
        long blocks = inflated / zeros.length;
        CRC32 crc = new CRC32();
        for (long i = 0; i < blocks; i++) {
            crc.update(zeros);
        }
        long compressed = blocks * block.length + end.length;
        byte[] name = "zeros.bin".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        zip.write(ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN).putInt(0x04034b50).putShort((short) 20)
                .putShort((short) 0).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) crc.getValue()).putInt((int) compressed).putInt((int) (blocks * zeros.length))
                .putShort((short) name.length).putShort((short) 0).array());
        zip.write(name);
        for (long i = 0; i < blocks; i++) {
            zip.write(block);
        }
        zip.write(end);
        int directory = zip.size();
        zip.write(ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN).putInt(0x02014b50).putShort((short) 20)
                .putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) crc.getValue()).putInt((int) compressed).putInt((int) (blocks * zeros.length))
                .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putInt(0).putInt(0).array());
        zip.write(name);
        int directorySize = zip.size() - directory;
        zip.write(ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50).putShort((short) 0)
                .putShort((short) 0).putShort((short) 1).putShort((short) 1).putInt(directorySize).putInt(directory)
                .putShort((short) 0).array());
        return zip.toByteArray();
    }

    /** Raw deflate of {@code input}, flushed with {@code flush}, or finished when {@code flush} is negative. */
    private static byte[] deflate(byte[] input, int flush) {
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(input);
        if (flush < 0) {
            deflater.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, flush < 0 ? Deflater.NO_FLUSH : flush);
            out.write(buffer, 0, n);
        } while (n == buffer.length || (flush < 0 && !deflater.finished()));
        deflater.end();
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
