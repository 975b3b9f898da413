package tmsp.ingest;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The canonical detection every log line becomes, whatever its format (see docs/LOG-FORMATS.md).
 *
 * <p>Text fields are null when the line did not carry them (an empty value counts as absent).
 * {@code eventTime} is null when neither the line nor its syslog header carried a time; storage then uses the
 * time of receipt. {@code extra} holds every key not mapped to a field, in the order of the line.
 */
public record Detection(
        LogFormat format,
        Instant eventTime,
        String vendor,
        String product,
        String productVersion,
        String eventId,
        String eventName,
        String deviceExternalId,
        Severity severity,
        String threatType,
        String threatName,
        String ruleId,
        String ruleName,
        String action,
        String sourceAddress,
        String sourceHost,
        Integer sourcePort,
        String sourceMac,
        String destinationAddress,
        String destinationHost,
        Integer destinationPort,
        String destinationMac,
        String interestedAddress,
        String peerAddress,
        String fileName,
        String fileHash,
        String url,
        Direction direction,
        String attackPhase,
        long count,
        Map<String, String> extra,
        String raw) implements ParseOutcome {

    public Detection {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(raw, "raw");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public static Builder builder(LogFormat format) {
        return new Builder(format);
    }

    /** Collects the fields while a parser reads a line; absent fields stay null. */
    public static final class Builder {
        private final LogFormat format;
        private Instant eventTime;
        private String vendor;
        private String product;
        private String productVersion;
        private String eventId;
        private String eventName;
        private String deviceExternalId;
        private Severity severity = Severity.INFORMATIONAL;
        private String threatType;
        private String threatName;
        private String ruleId;
        private String ruleName;
        private String action;
        private String sourceAddress;
        private String sourceHost;
        private Integer sourcePort;
        private String sourceMac;
        private String destinationAddress;
        private String destinationHost;
        private Integer destinationPort;
        private String destinationMac;
        private String interestedAddress;
        private String peerAddress;
        private String fileName;
        private String fileHash;
        private String url;
        private Direction direction;
        private String attackPhase;
        private long count = 1;
        private final Map<String, String> extra = new LinkedHashMap<>();
        private String raw = "";

        private Builder(LogFormat format) {
            this.format = Objects.requireNonNull(format, "format");
        }

        public Builder eventTime(Instant value) { eventTime = value; return this; }
        public Builder vendor(String value) { vendor = value; return this; }
        public Builder product(String value) { product = value; return this; }
        public Builder productVersion(String value) { productVersion = value; return this; }
        public Builder eventId(String value) { eventId = value; return this; }
        public Builder eventName(String value) { eventName = value; return this; }
        public Builder deviceExternalId(String value) { deviceExternalId = value; return this; }
        public Builder severity(Severity value) { severity = Objects.requireNonNull(value); return this; }
        public Builder threatType(String value) { threatType = value; return this; }
        public Builder threatName(String value) { threatName = value; return this; }
        public Builder ruleId(String value) { ruleId = value; return this; }
        public Builder ruleName(String value) { ruleName = value; return this; }
        public Builder action(String value) { action = value; return this; }
        public Builder sourceAddress(String value) { sourceAddress = value; return this; }
        public Builder sourceHost(String value) { sourceHost = value; return this; }
        public Builder sourcePort(Integer value) { sourcePort = value; return this; }
        public Builder sourceMac(String value) { sourceMac = value; return this; }
        public Builder destinationAddress(String value) { destinationAddress = value; return this; }
        public Builder destinationHost(String value) { destinationHost = value; return this; }
        public Builder destinationPort(Integer value) { destinationPort = value; return this; }
        public Builder destinationMac(String value) { destinationMac = value; return this; }
        public Builder interestedAddress(String value) { interestedAddress = value; return this; }
        public Builder peerAddress(String value) { peerAddress = value; return this; }
        public Builder fileName(String value) { fileName = value; return this; }
        public Builder fileHash(String value) { fileHash = value; return this; }
        public Builder url(String value) { url = value; return this; }
        public Builder direction(Direction value) { direction = value; return this; }
        public Builder attackPhase(String value) { attackPhase = value; return this; }
        public Builder count(long value) { count = value; return this; }
        public Builder raw(String value) { raw = Objects.requireNonNull(value); return this; }

        public Builder putExtra(String key, String value) {
            extra.put(key, value);
            return this;
        }

        public Instant eventTime() { return eventTime; }

        public Detection build() {
            return new Detection(format, eventTime, vendor, product, productVersion, eventId, eventName,
                    deviceExternalId, severity, threatType, threatName, ruleId, ruleName, action,
                    sourceAddress, sourceHost, sourcePort, sourceMac,
                    destinationAddress, destinationHost, destinationPort, destinationMac,
                    interestedAddress, peerAddress, fileName, fileHash, url, direction, attackPhase,
                    count, extra, raw);
        }
    }
}
