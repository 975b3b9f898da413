package tmsp.mitigation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;
import tmsp.appliance.ApplianceApiRefusal;
import tmsp.appliance.ApplianceIdentity;

/**
 * What the mitigator routes in {@code camel-routes/mitigator-api.yaml} call: authenticates the mitigator, reads the
 * JSON body off the exchange, calls one service, writes the answer. Refusals are {@link ApplianceApiRefusal}s.
 */
@Component("mitigatorApi")
class MitigatorApi {

    /** The largest status report body; {@link MitigatorBodyLimit} stops reading just above it. */
    static final int MAX_STATUS_BODY = 2 * 1024 * 1024;
    static final int MAX_REPORT_BODY = 16 * 1024;

    private final Mitigators mitigators;
    private final EndpointStatusLog statuses;
    private final MitigatorPatterns patterns;
    private final MitigationProperties properties;
    private final ObjectMapper json;

    MitigatorApi(Mitigators mitigators, EndpointStatusLog statuses, MitigatorPatterns patterns,
                 MitigationProperties properties, ObjectMapper json) {
        this.mitigators = mitigators;
        this.statuses = statuses;
        this.patterns = patterns;
        this.properties = properties;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** POST /api/v1/mitigation/endpoint-statuses: good entries stored, bad ones answered with index and reason. */
    public void endpointStatuses(Exchange exchange) {
        ApplianceIdentity mitigator = mitigator(exchange);
        Instant now = Instant.now();
        StatusBatch batch = StatusBatch.of(readJson(exchange.getIn(), MAX_STATUS_BODY), properties.maxStatusBatch(), now);
        statuses.store(mitigator, batch.accepted(), now);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", batch.accepted().size());
        answer.put("rejected", batch.rejected());
        respond(exchange, 200, answer);
    }

    /** GET /api/v1/mitigation/patterns: the released patterns that target this mitigator. */
    public void patterns(Exchange exchange) {
        respond(exchange, 200, patterns.offeredTo(mitigator(exchange)));
    }

    /** GET /api/v1/mitigation/patterns/{id}/file: the pattern's bytes as an attachment, streamed from the store. */
    public void patternFile(Exchange exchange) throws IOException {
        MitigatorPatterns.Download download = patterns.fetch(mitigator(exchange), patternId(exchange));
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, "application/octet-stream");
        out.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(download.fileName(), StandardCharsets.UTF_8).build().toString());
        out.setBody(Files.newInputStream(download.file()));
    }

    /** POST /api/v1/mitigation/patterns/{id}/deployments: {@code {revision, result: SUCCESS|FAILED, detail}}. */
    public void deploymentReport(Exchange exchange) {
        ApplianceIdentity mitigator = mitigator(exchange);
        long patternId = patternId(exchange);
        JsonNode report = readJson(exchange.getIn(), MAX_REPORT_BODY);
        JsonNode revision = report.path("revision");
        if (!revision.canConvertToInt() || !revision.isIntegralNumber()) {
            throw ApplianceApiRefusal.badRequest("revision must be the pattern's revision number");
        }
        String result = report.path("result").asText("").toUpperCase(Locale.ROOT);
        if (!result.equals("SUCCESS") && !result.equals("FAILED")) {
            throw ApplianceApiRefusal.badRequest("result must be SUCCESS or FAILED");
        }
        JsonNode detail = report.path("detail");
        if (!detail.isMissingNode() && !detail.isNull() && !detail.isTextual()) {
            throw ApplianceApiRefusal.badRequest("detail must be a string");
        }
        patterns.report(mitigator, patternId, revision.intValue(), result.equals("SUCCESS"),
                detail.isTextual() && !detail.asText().isBlank() ? detail.asText().trim() : null);
        respond(exchange, 200, Map.of("recorded", true));
    }

    private ApplianceIdentity mitigator(Exchange exchange) {
        return mitigators.require(exchange.getIn().getHeader("Authorization", String.class));
    }

    private static long patternId(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ApplianceApiRefusal(404, "No pattern " + id);
        }
    }

    private JsonNode readJson(Message in, int maxBytes) {
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApplianceApiRefusal(415, "Send application/json");
        }
        InputStream body = in.getBody(InputStream.class);
        if (body == null) {
            throw ApplianceApiRefusal.badRequest("The body is empty");
        }
        byte[] bytes;
        try (body) {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw ApplianceApiRefusal.badRequest("The body could not be read");
        }
        if (bytes.length > maxBytes) {
            throw new ApplianceApiRefusal(413, "The body is larger than " + maxBytes + " bytes");
        }
        try {
            JsonNode tree = json.readTree(bytes);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw ApplianceApiRefusal.badRequest("The body is empty");
            }
            return tree;
        } catch (IOException e) {
            throw ApplianceApiRefusal.badRequest("The body is not JSON: " + (e instanceof JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /** The answer as UTF-8 JSON bytes (a status batch's rejections may be long: no String copy of them). */
    private void respond(Exchange exchange, int status, Object body) {
        byte[] answer;
        try {
            answer = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(answer);
    }
}
