package tmsp.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.ApplianceClient;
import tmsp.support.IntegrationTest;
import tmsp.support.Seeds;
import tmsp.support.TestAccounts;

/**
 * The upload endpoint as a whole under generated input: the parsers' generators and mutations sent over real
 * HTTP, plain or gzipped, as either content type, each request drawn from its own seed (a failure names the seed
 * that replays it). Every answer must be a 201 whose counts the database confirms to the row, or a refusal that
 * stored nothing; never a 5xx.
 */
@IntegrationTest
class UploadEndpointFuzzIT {

    private static final int REQUESTS = 150;

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyGeneratedUploadIsStoredExactlyAsItsReceiptSaysOrNotAtAll() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Fuzz");
        ApplianceClient client = new ApplianceClient(port);
        String token = json.readTree(client.register(account, "DISCOVERY", UUID.randomUUID().toString()).body())
                .get("token").asText();
        AtomicLong lines = new AtomicLong();
        Seeds.check(REQUESTS, random -> lines.addAndGet(uploadChecked(client, token, random)));
        if (!Seeds.replaying()) {
            assertThat(lines.get()).as("the run fed a substantial number of generated lines").isGreaterThan(20_000);
        }
    }

    /** Sends one generated upload, checks the answer against the database, and returns its non-blank lines. */
    private long uploadChecked(ApplianceClient client, String token, Random random) throws Exception {
        List<String> body = new ArrayList<>();
        for (int b = 1 + random.nextInt(25); b > 0; b--) {
            body.addAll(LineGenerators.hostileBatch(random, LineGenerators::anyFormatLine, "CEF:0|"));
        }
        String text = String.join(random.nextBoolean() ? "\n" : "\r\n", body) + (random.nextBoolean() ? "\n" : "");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean gzip = random.nextInt(3) == 0;
        String contentType = random.nextBoolean() ? "text/plain; charset=utf-8" : "application/x-ndjson";
        String key = random.nextBoolean() ? UUID.randomUUID().toString() : null;
        HttpResponse<String> answer = client.post("/api/v1/logs", gzip ? gzip(bytes) : bytes,
                "Authorization", "Bearer " + token, "Content-Type", contentType,
                "Content-Encoding", gzip ? "gzip" : null, "Idempotency-Key", key);

        long expected = nonBlankLines(new String(bytes, StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode receipt = json.readTree(answer.body());
        UUID upload = UUID.fromString(receipt.get("uploadId").asText());
        long accepted = receipt.get("accepted").asLong();
        long rejected = receipt.get("rejected").asLong();
        assertThat(accepted + rejected).as("every non-blank line is counted once").isEqualTo(expected);
        assertThat(count("select count(*) from detections where upload_id = ?", upload)).isEqualTo(accepted);
        assertThat(count("select count(*) from quarantined_lines where upload_id = ?", upload)).isEqualTo(rejected);
        assertThat(count("select accepted + rejected from uploads where id = ?", upload)).isEqualTo(accepted + rejected);
        if (key != null) {
            HttpResponse<String> again = client.post("/api/v1/logs", bytes, "Authorization", "Bearer " + token,
                    "Content-Type", contentType, "Idempotency-Key", key);
            assertThat(json.readTree(again.body()).get("uploadId").asText()).isEqualTo(upload.toString());
            assertThat(count("select count(*) from detections where upload_id = ?", upload)).isEqualTo(accepted);
        }
        return expected;
    }

    /** The endpoint's rule: lines end at LF, a CR before it is dropped, blank lines are skipped. */
    private static long nonBlankLines(String body) {
        long count = 0;
        for (String line : body.split("\n", -1)) {
            String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!text.isBlank()) {
                count++;
            }
        }
        return count;
    }

    private long count(String sql, UUID upload) {
        return jdbc.queryForObject(sql, Long.class, upload);
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
