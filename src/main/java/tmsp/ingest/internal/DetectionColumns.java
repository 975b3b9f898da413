package tmsp.ingest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tmsp.ingest.Detection;

/** The detections table's columns and one detection's values for them, shared by both sinks. */
final class DetectionColumns {

    static final List<String> NAMES = List.of("event_time", "received_at", "account_id", "product_id", "upload_id",
            "format", "severity", "vendor", "product_name", "product_version", "event_id", "event_name",
            "device_external_id", "threat_type", "threat_name", "rule_id", "rule_name", "action", "src_address",
            "src_host", "src_port", "src_mac", "dst_address", "dst_host", "dst_port", "dst_mac", "interested_address",
            "peer_address", "file_name", "file_hash", "url", "direction", "attack_phase", "event_count", "extra", "raw");

    private DetectionColumns() {
    }

    static Object[] values(Detection d, DetectionSink.Batch batch, ObjectMapper json) {
        Instant eventTime = d.eventTime() == null ? batch.receivedAt() : d.eventTime();
        return new Object[] {eventTime, batch.receivedAt(), batch.accountId(), batch.productId(), batch.uploadId(),
                d.format().name(), d.severity().ordinal(), clean(d.vendor()), clean(d.product()),
                clean(d.productVersion()), clean(d.eventId()), clean(d.eventName()), clean(d.deviceExternalId()),
                clean(d.threatType()), clean(d.threatName()), clean(d.ruleId()), clean(d.ruleName()), clean(d.action()),
                clean(d.sourceAddress()), clean(d.sourceHost()), d.sourcePort(), clean(d.sourceMac()),
                clean(d.destinationAddress()), clean(d.destinationHost()), d.destinationPort(),
                clean(d.destinationMac()), clean(d.interestedAddress()), clean(d.peerAddress()), clean(d.fileName()),
                clean(d.fileHash()), clean(d.url()), d.direction() == null ? null : d.direction().name(),
                clean(d.attackPhase()), d.count(), extra(d.extra(), json), clean(d.raw())};
    }

    /** PostgreSQL text cannot hold NUL; everything else is kept as sent. */
    static String clean(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    }

    private static String extra(Map<String, String> extra, ObjectMapper json) {
        Map<String, String> cleaned = new LinkedHashMap<>();
        extra.forEach((k, v) -> cleaned.put(clean(k), clean(v)));
        try {
            return json.writeValueAsString(cleaned);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
