package tmsp.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The appliance side of the portal's HTTP API: register, heartbeat, upload. Uploads under overload (429, 503)
 * wait as long as {@code Retry-After} says and retry with the same {@code Idempotency-Key}, so a retry of an
 * upload the portal did store counts once.
 */
final class PortalClient {

    /** What the portal answered an upload: its counts, or why it was given up. */
    public record UploadResult(int accepted, int rejected, int retries, boolean replayed, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    public record Registration(long productId, String token) {
    }

    static final int MAX_ATTEMPTS = 8;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public PortalClient(URI base) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public Registration register(String user, String password, SimulatedAppliance appliance, String version)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", appliance.type().name());
        body.put("hostname", appliance.hostname());
        body.put("guid", appliance.guid());
        body.put("version", version);
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = post("api/v1/products", "Basic " + basic, "application/json", null, null,
                json.writeValueAsBytes(body));
        if (answer.statusCode() != 201) {
            throw new IOException("refused with " + answer.statusCode() + " " + answer.body());
        }
        JsonNode registered = json.readTree(answer.body());
        return new Registration(registered.path("productId").asLong(), registered.path("token").asText());
    }

    /** @return the HTTP status of the heartbeat (200 when taken) */
    public int heartbeat(String token, boolean securityCompliance, String version, String patternVersion,
                         LocalDate subscriptionExpires) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("securityCompliance", securityCompliance);
        body.put("version", version);
        body.put("patternVersion", patternVersion);
        body.put("subscriptionExpires", subscriptionExpires.toString());
        return post("api/v1/heartbeat", "Bearer " + token, "application/json", null, null, json.writeValueAsBytes(body))
                .statusCode();
    }

    /** Uploads the lines as one text/plain batch; never throws for an answer of the portal, only reports it. */
    public UploadResult upload(String token, List<String> lines, String idempotencyKey, boolean gzip)
            throws InterruptedException {
        byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] sent = gzip ? gzip(body) : body;
        String failure = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Duration wait;
            try {
                HttpResponse<String> answer = post("api/v1/logs", "Bearer " + token, "text/plain; charset=utf-8",
                        gzip ? "gzip" : null, idempotencyKey, sent);
                int status = answer.statusCode();
                if (status == 200 || status == 201) {
                    JsonNode receipt = json.readTree(answer.body());
                    return new UploadResult(receipt.path("accepted").asInt(), receipt.path("rejected").asInt(),
                            attempt - 1, receipt.path("replayed").asBoolean(), null);
                }
                failure = status + " " + answer.body();
                if (status != 429 && status != 503) {
                    return new UploadResult(0, 0, attempt - 1, false, failure);
                }
                wait = retryAfter(answer.headers().firstValue("Retry-After").orElse(null));
            } catch (IOException e) {
                // The upload may have been stored before the connection broke: the same key makes the retry safe.
                failure = e.toString();
                wait = Duration.ofSeconds(Math.min(30, 1L << attempt));
            }
            if (attempt < MAX_ATTEMPTS) {
                Thread.sleep(wait.toMillis());
            }
        }
        return new UploadResult(0, 0, MAX_ATTEMPTS - 1, false, "gave up after " + MAX_ATTEMPTS + " attempts: " + failure);
    }

    /** Seconds as the portal sends them; an HTTP date or nonsense counts as one second. */
    static Duration retryAfter(String header) {
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? Duration.ofSeconds(1) : Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds()));
        } catch (RuntimeException e) {
            return Duration.ofSeconds(1);
        }
    }

    private HttpResponse<String> post(String path, String authorization, String contentType, String encoding,
                                      String idempotencyKey, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
