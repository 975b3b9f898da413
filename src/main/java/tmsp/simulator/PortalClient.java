package tmsp.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The appliance side of the portal's HTTP API: register, heartbeat, upload; and a mitigator's: endpoint statuses,
 * forensic samples, cleanup patterns and their deployments. Uploads under overload (429, 503)
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

    /** What the portal answered an endpoint status report: how many it stored and why it refused the others. */
    public record StatusResult(int accepted, List<String> rejections, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /** What the portal answered a forensic sample: the case it made, and the size and SHA-256 it received. */
    public record SampleResult(long caseId, long size, String sha256, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /** A released cleanup pattern the portal offers a mitigator, as its listing describes it. */
    public record OfferedPattern(long patternId, String name, int revision, String fileName, long size, String sha256,
                                 String download) {
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

    /** Sends one batch of endpoint statuses as a JSON array; never throws for an answer, only reports it. */
    public StatusResult reportStatuses(String token, List<MitigatorTraffic.EndpointReport> entries)
            throws InterruptedException {
        List<Map<String, Object>> body = new ArrayList<>();
        for (MitigatorTraffic.EndpointReport entry : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ip", entry.ip());
            item.put("hostname", entry.hostname());
            item.put("status", entry.status().name());
            item.put("threat", entry.threat());
            item.put("time", entry.time().toString());
            body.add(item);
        }
        try {
            HttpResponse<String> answer = post("api/v1/mitigation/endpoint-statuses", "Bearer " + token,
                    "application/json", null, null, json.writeValueAsBytes(body));
            if (answer.statusCode() != 200) {
                return new StatusResult(0, List.of(), answer.statusCode() + " " + answer.body());
            }
            JsonNode receipt = json.readTree(answer.body());
            List<String> rejections = new ArrayList<>();
            receipt.path("rejected").forEach(r -> rejections.add("entry " + r.path("index").asInt() + ": "
                    + r.path("reason").asText()));
            return new StatusResult(receipt.path("accepted").asInt(), rejections, null);
        } catch (IOException e) {
            return new StatusResult(0, List.of(), e.toString());
        }
    }

    /** Uploads a forensic sample (a zip) collected on an endpoint; never throws for an answer, only reports it. */
    public SampleResult uploadSample(String token, String endpointIp, String endpointHost, String fileName, byte[] zip)
            throws InterruptedException {
        String path = "api/v1/mitigation/samples?endpointIp=" + query(endpointIp) + "&endpointHost="
                + query(endpointHost) + "&fileName=" + query(fileName);
        try {
            HttpResponse<String> answer = post(path, "Bearer " + token, "application/zip", null, null, zip);
            if (answer.statusCode() != 201) {
                return new SampleResult(0, 0, null, answer.statusCode() + " " + answer.body());
            }
            JsonNode receipt = json.readTree(answer.body());
            return new SampleResult(receipt.path("caseId").asLong(), receipt.path("size").asLong(),
                    receipt.path("sha256").asText(), null);
        } catch (IOException e) {
            return new SampleResult(0, 0, null, e.toString());
        }
    }

    /** The released cleanup patterns that target the mitigator of {@code token}. */
    public List<OfferedPattern> patterns(String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = get("api/v1/mitigation/patterns", token);
        if (answer.statusCode() != 200) {
            throw new IOException("listing patterns answered " + answer.statusCode() + " "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        List<OfferedPattern> offered = new ArrayList<>();
        for (JsonNode p : json.readTree(answer.body())) {
            long id = p.path("patternId").asLong();
            offered.add(new OfferedPattern(id, p.path("name").asText(), p.path("revision").asInt(),
                    p.path("fileName").asText(), p.path("size").asLong(), p.path("sha256").asText(),
                    p.hasNonNull("download") ? p.path("download").asText() : "/api/v1/mitigation/patterns/" + id + "/file"));
        }
        return offered;
    }

    /** The bytes of an offered pattern, from where the listing says. */
    public byte[] patternFile(String token, OfferedPattern pattern) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = get(pattern.download().replaceFirst("^/+", ""), token);
        if (answer.statusCode() != 200) {
            throw new IOException("downloading pattern " + pattern.patternId() + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    /** @return the HTTP status of the report (200 when recorded, 409 when the revision is no longer current) */
    public int reportDeployment(String token, long patternId, int revision, boolean success, String detail)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("revision", revision);
        body.put("result", success ? "SUCCESS" : "FAILED");
        body.put("detail", detail);
        return post("api/v1/mitigation/patterns/" + patternId + "/deployments", "Bearer " + token, "application/json",
                null, null, json.writeValueAsBytes(body)).statusCode();
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

    private HttpResponse<byte[]> get(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String query(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
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
