package tmsp.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tmsp.ingest.Detection;
import tmsp.ingest.Direction;
import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.ParseOptions;
import tmsp.ingest.Severity;

/** The canonical NDJSON field names: the names of the {@link Detection} components. */
final class JsonFields {

    static final List<String> NAMES = List.of("eventTime", "vendor", "product", "productVersion", "eventId",
            "eventName", "deviceExternalId", "severity", "threatType", "threatName", "ruleId", "ruleName", "action",
            "sourceAddress", "sourceHost", "sourcePort", "sourceMac", "destinationAddress", "destinationHost",
            "destinationPort", "destinationMac", "interestedAddress", "peerAddress", "fileName", "fileHash", "url",
            "direction", "attackPhase", "count");

    private JsonFields() {
    }

    /** Sets the field named {@code key}; false when the key is not a canonical field. */
    static boolean apply(String key, JsonNode value, Detection.Builder builder, ParseOptions options) {
        switch (key) {
            case "eventTime" -> builder.eventTime(time(value, options));
            case "vendor" -> builder.vendor(text(key, value));
            case "product" -> builder.product(text(key, value));
            case "productVersion" -> builder.productVersion(text(key, value));
            case "eventId" -> builder.eventId(text(key, value));
            case "eventName" -> builder.eventName(text(key, value));
            case "deviceExternalId" -> builder.deviceExternalId(text(key, value));
            case "severity" -> builder.severity(severity(value));
            case "threatType" -> builder.threatType(text(key, value));
            case "threatName" -> builder.threatName(text(key, value));
            case "ruleId" -> builder.ruleId(text(key, value));
            case "ruleName" -> builder.ruleName(text(key, value));
            case "action" -> builder.action(text(key, value));
            case "sourceAddress" -> builder.sourceAddress(address(key, value));
            case "sourceHost" -> builder.sourceHost(text(key, value));
            case "sourcePort" -> builder.sourcePort(port(key, value));
            case "sourceMac" -> builder.sourceMac(text(key, value));
            case "destinationAddress" -> builder.destinationAddress(address(key, value));
            case "destinationHost" -> builder.destinationHost(text(key, value));
            case "destinationPort" -> builder.destinationPort(port(key, value));
            case "destinationMac" -> builder.destinationMac(text(key, value));
            case "interestedAddress" -> builder.interestedAddress(address(key, value));
            case "peerAddress" -> builder.peerAddress(address(key, value));
            case "fileName" -> builder.fileName(text(key, value));
            case "fileHash" -> builder.fileHash(text(key, value));
            case "url" -> builder.url(text(key, value));
            case "direction" -> builder.direction(direction(value));
            case "attackPhase" -> builder.attackPhase(text(key, value));
            case "count" -> builder.count(FieldValues.count(key, integral(key, value)));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A scalar as text; empty text counts as absent. Objects and arrays cannot be a field value. */
    private static String text(String key, JsonNode value) {
        if (!value.isValueNode()) {
            throw FieldValues.bad(key, value.toString(), "an object or array, not a single value");
        }
        String text = value.asText();
        LineGuard.checkDecoded(text, "the value of " + key);
        return text.isBlank() ? null : text;
    }

    private static String integral(String key, JsonNode value) {
        if (value.isNumber() && !value.isIntegralNumber()) {
            throw FieldValues.bad(key, value.asText(), "not a whole number");
        }
        String text = text(key, value);
        return text == null ? "" : text;
    }

    private static String address(String key, JsonNode value) {
        String text = text(key, value);
        return text == null ? null : FieldValues.address(key, text);
    }

    private static Integer port(String key, JsonNode value) {
        String text = integral(key, value);
        return text.isBlank() ? null : FieldValues.port(key, text);
    }

    private static Instant time(JsonNode value, ParseOptions options) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return EventTimes.epochMillis(value.longValue(), "eventTime");
        }
        if (value.isTextual() && !value.asText().isBlank()) {
            return EventTimes.parse(value.asText(), "eventTime", options);
        }
        throw EventTimes.bad("eventTime", value.toString(), "neither epoch milliseconds nor a date text");
    }

    private static Severity severity(JsonNode value) {
        if (value.isNumber()) {
            Severity band = value.isIntegralNumber() && value.canConvertToInt() ? Severity.ofScore(value.intValue()) : null;
            if (band == null) {
                throw new LineRejected(ParseErrorCode.BAD_SEVERITY,
                        "severity " + Snippets.quote(value.asText()) + " is not a score from 0 to 10");
            }
            return band;
        }
        if (!value.isTextual()) {
            throw new LineRejected(ParseErrorCode.BAD_SEVERITY, "severity must be a number or a word");
        }
        return SeverityText.parse(value.asText(), "severity");
    }

    private static Direction direction(JsonNode value) {
        String text = value.isValueNode() ? value.asText().strip().toLowerCase(Locale.ROOT) : "";
        return switch (text) {
            case "inbound", "0" -> Direction.INBOUND;
            case "outbound", "1" -> Direction.OUTBOUND;
            default -> throw FieldValues.bad("direction", value.toString(), "not inbound, outbound, 0 or 1");
        };
    }
}
