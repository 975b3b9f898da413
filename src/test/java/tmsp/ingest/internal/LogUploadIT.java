package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.ApplianceClient;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** Log upload over real HTTP into PostgreSQL: COPY, quarantine, idempotency, all or nothing, limits. */
@IntegrationTest
class LogUploadIT {

    static final String CEF = "CEF:0|Trend Micro|Deep Discovery Inspector|6.0.1208|20|Malware detected|8|"
            + "rt=Nov 26 2026 10:15:00 GMT+00:00 deviceExternalId=6B593E17-AFB7-40FB-BBB3-4D3C5D2B2D43 "
            + "src=10.1.2.%d shost=pc-%d dst=203.0.113.5 dpt=443 act=blocked malType=TROJAN fname=invoice.exe "
            + "cn3Label=ThreatType cn3=0 msg=Trojan TROJ_EMOTET.A found";
    static final String LEEF = "LEEF:2.0|IBM|QRadar|7.5|Brute force|^|devTime=1764151200000^src=198.51.100.7^dst=10.0.0.4^sev=6^cat=Brute Force";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    ApplianceClient client;
    TestAccounts.Created account;
    long productId;
    String token;

    @BeforeEach
    void aRegisteredDiscoveryAppliance() throws Exception {
        account = TestAccounts.create(mvc, json, jdbc, "Uploads");
        client = new ApplianceClient(port);
        JsonNode registered = json.readTree(client.register(account, "DISCOVERY", UUID.randomUUID().toString()).body());
        productId = registered.get("productId").asLong();
        token = registered.get("token").asText();
    }

    HttpResponse<String> send(String path, String authorization, String contentType, String encoding,
                              String idempotencyKey, byte[] body) throws Exception {
        return client.post(path, body, "Authorization", authorization, "Content-Type", contentType,
                "Content-Encoding", encoding, "Idempotency-Key", idempotencyKey);
    }

    HttpResponse<String> upload(String contentType, String idempotencyKey, String body) throws Exception {
        return send("/api/v1/logs", "Bearer " + token, contentType, null, idempotencyKey, body.getBytes(StandardCharsets.UTF_8));
    }

    private long detections() {
        return jdbc.queryForObject("select count(*) from detections where product_id = ?", Long.class, productId);
    }

    private long uploads() {
        return jdbc.queryForObject("select count(*) from uploads where product_id = ?", Long.class, productId);
    }

    @Test
    void goodLinesAreStoredBadOnesQuarantinedAndLastReceivedMoves() throws Exception {
        String body = String.format(CEF, 1, 1) + "\n" + LEEF + "\r\n\nCEF:0|broken\n" + String.format(CEF, 2, 2)
                + "\nnot a log line at all\n";
        HttpResponse<String> answer = upload("text/plain; charset=utf-8", null, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode receipt = json.readTree(answer.body());
        assertThat(receipt.get("accepted").asInt()).isEqualTo(3);
        assertThat(receipt.get("rejected").asInt()).isEqualTo(2);

        var cef = jdbc.queryForMap("select * from detections where product_id = ? and src_host = 'pc-1'", productId);
        assertThat(cef).containsEntry("account_id", account.id()).containsEntry("severity", 3)
                .containsEntry("dst_port", 443).containsEntry("action", "blocked").containsEntry("file_name", "invoice.exe")
                .containsEntry("upload_id", UUID.fromString(receipt.get("uploadId").asText()));
        assertThat(cef.get("raw")).isEqualTo(String.format(CEF, 1, 1));
        List<Long> quarantined = jdbc.queryForList("select line_number from quarantined_lines where product_id = ? order by line_number",
                Long.class, productId);
        assertThat(quarantined).containsExactly(4L, 6L);
        assertThat(jdbc.queryForObject("select last_received from products where id = ?", java.sql.Timestamp.class, productId)).isNotNull();
        assertThat(jdbc.queryForObject("select last_received from accounts where id = ?", java.sql.Timestamp.class, account.id())).isNotNull();
    }

    @Test
    void gzippedNdjsonIsAccepted() throws Exception {
        String ndjson = "{\"eventTime\":\"2026-11-26T10:00:00Z\",\"severity\":\"high\",\"threatName\":\"WORM_X\",\"sourceHost\":\"pc-7\"}\n"
                + "{\"eventTime\":1764151200000,\"severity\":\"low\",\"threatName\":\"ADW_Y\"}\n";
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(ndjson.getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> answer = send("/api/v1/logs", "Bearer " + token, "application/x-ndjson", "gzip", null,
                zipped.toByteArray());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(json.readTree(answer.body()).get("accepted").asInt()).isEqualTo(2);
        assertThat(detections()).isEqualTo(2);

        HttpResponse<String> notGzip = send("/api/v1/logs", "Bearer " + token, "application/x-ndjson", "gzip", null,
                "plain".getBytes());
        assertThat(notGzip.statusCode()).isEqualTo(400);
        assertThat(detections()).isEqualTo(2);
    }

    /** Found by the upload body's fuzz target: gzip data broken off part way used to answer 500. */
    @Test
    void gzipBrokenOffPartWayIsRefusedAndStoresNothing() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            lines.append(String.format(CEF, i, i)).append('\n');
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = zipped.toByteArray();
        for (int keep : new int[] {0, 5, whole.length / 2, whole.length - 1}) {
            HttpResponse<String> answer = send("/api/v1/logs", "Bearer " + token, "text/plain", "gzip", null,
                    java.util.Arrays.copyOf(whole, keep));
            assertThat(answer.statusCode()).as("%d of %d bytes: %s", keep, whole.length, answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("gzip");
        }
        assertThat(detections()).isZero();
        assertThat(uploads()).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCountsOnce() throws Exception {
        String body = String.format(CEF, 1, 1) + "\n" + String.format(CEF, 2, 2) + "\n";
        HttpResponse<String> first = upload("text/plain", "batch-0001", body);
        HttpResponse<String> retry = upload("text/plain", "batch-0001", body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json.readTree(retry.body()).get("uploadId")).isEqualTo(json.readTree(first.body()).get("uploadId"));
        assertThat(json.readTree(retry.body()).get("replayed").asBoolean()).isTrue();
        assertThat(detections()).isEqualTo(2);
        assertThat(uploads()).isEqualTo(1);
        assertThat(upload("text/plain", "batch-0002", body).statusCode()).isEqualTo(201);
        assertThat(detections()).isEqualTo(4);
    }

    @Test
    void anUploadThatFailsHalfwayLeavesNothingBehind() throws Exception {
        StringBuilder tooBig = new StringBuilder();
        for (int i = 0; tooBig.length() < 3 * 1024 * 1024; i++) {
            tooBig.append(String.format(CEF, i % 250, i)).append('\n');
        }
        HttpResponse<String> answer = upload("text/plain", "too-big", tooBig.toString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(detections()).isZero();
        assertThat(uploads()).isZero();
        assertThat(jdbc.queryForObject("select last_received from products where id = ?", java.sql.Timestamp.class, productId)).isNull();
    }

    @Test
    void aBodyThatIsMostlyGarbageIsRefusedWhole() throws Exception {
        String garbage = "garbage line\n".repeat(UploadProcessing.MAX_REJECTED + 1);
        HttpResponse<String> answer = upload("text/plain", null, String.format(CEF, 1, 1) + "\n" + garbage);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(detections()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from quarantined_lines where product_id = ?", Long.class, productId)).isZero();
    }

    @Test
    void anOverlongLineIsQuarantinedNotFatal() throws Exception {
        String monster = String.format(CEF, 1, 1) + " cs1=" + "x".repeat(100_000);
        HttpResponse<String> answer = upload("text/plain", null, monster + "\n" + String.format(CEF, 2, 2) + "\n");
        assertThat(json.readTree(answer.body()).get("rejected").asInt()).isEqualTo(1);
        var line = jdbc.queryForMap("select * from quarantined_lines where product_id = ?", productId);
        assertThat(line).containsEntry("code", "LINE_TOO_LONG").containsEntry("line_number", 1L);
        assertThat((String) line.get("line")).hasSize(Quarantine.KEPT_CHARS);
    }

    @Test
    void anAdministratorSeesAndDownloadsTheQuarantine() throws Exception {
        upload("text/plain", null, String.format(CEF, 1, 1) + "\nCEF:0|truncated\n=cmd|' /C calc'!A0\n");
        var admin = user("admin").roles("ADMIN");
        String page = mvc.perform(get("/accounts/" + account.id()).with(admin)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"quarantine-" + productId + "\"");
        String list = mvc.perform(get("/accounts/" + account.id() + "/products/" + productId + "/quarantine").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("CEF:0|truncated");
        String csv = mvc.perform(get("/accounts/" + account.id() + "/products/" + productId + "/quarantine/csv").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("received_at,source,line_number,code,reason,line\r\n").contains(",upload,2,")
                .contains("\"'=cmd|' /C calc'!A0\"");
        TestAccounts.Created other = TestAccounts.create(mvc, json, jdbc, "Elsewhere");
        mvc.perform(get("/accounts/" + other.id() + "/products/" + productId + "/quarantine").with(admin))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusalsSayWhy() throws Exception {
        assertThat(upload("application/json", null, "{}").statusCode()).isEqualTo(415);
        assertThat(upload("text/plain", "bad key with spaces", "x").statusCode()).isEqualTo(400);
        assertThat(send("/api/v1/logs", "Bearer tmsp_unknown", "text/plain", null, null, "x".getBytes()).statusCode()).isEqualTo(401);
        assertThat(send("/api/v1/logs", "Bearer " + token, "text/plain", "br", null, "x".getBytes()).statusCode()).isEqualTo(415);
        jdbc.update("update products set enabled = false where id = ?", productId);
        assertThat(upload("text/plain", null, String.format(CEF, 1, 1)).statusCode()).isEqualTo(403);
        assertThat(detections()).isZero();
    }
}
