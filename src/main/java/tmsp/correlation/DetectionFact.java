package tmsp.correlation;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.kie.api.definition.type.Role;
import org.kie.api.definition.type.Timestamp;
import tmsp.ingest.Direction;
import tmsp.ingest.Severity;
import tmsp.ingest.StoredDetection;

/**
 * A detection as the correlation rules see it: an event whose time is its {@code timestamp} (epoch
 * milliseconds of the event time). Getters, not record accessors: DRL binds to bean properties.
 *
 * <p>{@code host} is the internal endpoint the detection is about: the destination when the source is outside
 * ({@code direction == "INBOUND"}), the source otherwise; its host name where known, else its address.
 * {@code severityLevel} is 0 informational, 1 low, 2 medium, 3 high, 4 critical. {@code target} is the other
 * end, the destination's host name or else its address. Two properties are read once from the text so rules
 * need no regular expressions per detection: {@code logonOutcome} ({@code "failed"}, {@code "succeeded"} or
 * null, from the event and rule names) and {@code tactic} (the ATT&CK tactic of the DDI attack phase, or null).
 */
@Role(Role.Type.EVENT)
@Timestamp("timestamp")
public final class DetectionFact {

    private final long id;
    private final long accountId;
    private final long productId;
    private final long timestamp;
    private final String severity;
    private final int severityLevel;
    private final String eventName;
    private final String threatType;
    private final String threatName;
    private final String malwareType;
    private final String ruleName;
    private final String action;
    private final String srcAddress;
    private final String srcHost;
    private final Integer srcPort;
    private final String dstAddress;
    private final String dstHost;
    private final Integer dstPort;
    private final String fileName;
    private final String fileHash;
    private final String url;
    private final String direction;
    private final String attackPhase;
    private final String user;
    private final String application;
    private final long count;
    private final String host;
    private final String logonOutcome;
    private final String tactic;

    private DetectionFact(Builder b) {
        this.id = b.id;
        this.accountId = b.accountId;
        this.productId = b.productId;
        this.timestamp = b.eventTime.toEpochMilli();
        this.severity = b.severity;
        this.severityLevel = levelOf(b.severity);
        this.eventName = b.eventName;
        this.threatType = b.threatType;
        this.threatName = b.threatName;
        this.malwareType = b.malwareType;
        this.ruleName = b.ruleName;
        this.action = b.action;
        this.srcAddress = b.srcAddress;
        this.srcHost = b.srcHost;
        this.srcPort = b.srcPort;
        this.dstAddress = b.dstAddress;
        this.dstHost = b.dstHost;
        this.dstPort = b.dstPort;
        this.fileName = b.fileName;
        this.fileHash = b.fileHash;
        this.url = b.url;
        this.direction = b.direction;
        this.attackPhase = b.attackPhase;
        this.user = b.user;
        this.application = b.application;
        this.count = b.count;
        this.host = "INBOUND".equals(direction) ? either(dstHost, dstAddress) : either(srcHost, srcAddress);
        this.logonOutcome = b.strings.logonOutcome(eventName, ruleName);
        this.tactic = tacticOf(attackPhase);
    }

    /** The ATT&CK tactic a Deep Discovery attack phase stands for; null for none or an unknown phase. */
    static String tacticOf(String attackPhase) {
        if (attackPhase == null) {
            return null;
        }
        return switch (attackPhase) {
            case "Point of Entry" -> "Initial Access";
            case "Command and Control Communication" -> "Command and Control";
            case "Lateral Movement" -> "Lateral Movement";
            case "Asset and Data Discovery" -> "Discovery";
            case "Data Exfiltration" -> "Exfiltration";
            case "Access Attempt" -> "Credential Access";
            default -> null;
        };
    }

    /** The fact for a stored detection. */
    public static DetectionFact of(StoredDetection d) {
        return of(d, FactStrings.NONE);
    }

    /**
     * The fact for a stored detection, its texts shared through {@code strings}: what a reader of many detections
     * uses, one {@link FactStrings} for all of them.
     */
    public static DetectionFact of(StoredDetection d, FactStrings strings) {
        Builder b = builder(d.id(), d.accountId(), d.eventTime());
        b.strings = strings;
        return b.productId(d.productId())
                .severity(SEVERITY_NAMES[d.severity().ordinal()])
                .eventName(strings.of(d.eventName())).threatType(strings.of(d.threatType()))
                .threatName(strings.of(d.threatName())).malwareType(strings.of(d.malwareType()))
                .ruleName(strings.of(d.ruleName())).action(strings.of(d.action()))
                .src(strings.of(d.sourceAddress()), strings.of(d.sourceHost()), d.sourcePort())
                .dst(strings.of(d.destinationAddress()), strings.of(d.destinationHost()), d.destinationPort())
                .file(strings.of(d.fileName()), strings.of(d.fileHash())).url(d.url())
                .direction(d.direction() == null ? null : d.direction().name())
                .attackPhase(strings.of(d.attackPhase())).user(strings.of(d.user()))
                .application(strings.of(d.application()))
                .count(d.count()).build();
    }

    private static final String[] SEVERITY_NAMES = Arrays.stream(Severity.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    public static Builder builder(long id, long accountId, Instant eventTime) {
        return new Builder(id, accountId, eventTime);
    }

    private static String either(String name, String address) {
        return name != null ? name : address;
    }

    static int levelOf(String severity) {
        if (severity == null) {
            return 0;
        }
        return switch (severity) {
            case "low" -> 1;
            case "medium" -> 2;
            case "high" -> 3;
            case "critical" -> 4;
            default -> 0;
        };
    }

    public long getId() { return id; }
    public long getAccountId() { return accountId; }
    public long getProductId() { return productId; }
    public long getTimestamp() { return timestamp; }
    public Instant getEventTime() { return Instant.ofEpochMilli(timestamp); }
    public String getSeverity() { return severity; }
    public int getSeverityLevel() { return severityLevel; }
    public String getEventName() { return eventName; }
    public String getThreatType() { return threatType; }
    public String getThreatName() { return threatName; }
    public String getMalwareType() { return malwareType; }
    public String getRuleName() { return ruleName; }
    public String getAction() { return action; }
    public String getSrcAddress() { return srcAddress; }
    public String getSrcHost() { return srcHost; }
    public Integer getSrcPort() { return srcPort; }
    public String getDstAddress() { return dstAddress; }
    public String getDstHost() { return dstHost; }
    public Integer getDstPort() { return dstPort; }
    public String getFileName() { return fileName; }
    public String getFileHash() { return fileHash; }
    public String getUrl() { return url; }
    public String getDirection() { return direction; }
    public String getAttackPhase() { return attackPhase; }
    public String getUser() { return user; }
    public String getApplication() { return application; }
    public long getCount() { return count; }
    public String getHost() { return host; }
    public String getTarget() { return either(dstHost, dstAddress); }
    public String getLogonOutcome() { return logonOutcome; }
    public String getTactic() { return tactic; }

    @Override
    public String toString() {
        return "Detection#" + id + "@" + getEventTime() + "[" + host + " " + threatType + " " + threatName + "]";
    }

    /** Builds facts in tests and from stored detections; absent fields stay null. */
    public static final class Builder {
        private final long id;
        private final long accountId;
        private Instant eventTime;
        private long productId;
        private String severity = "informational";
        private String eventName;
        private String threatType;
        private String threatName;
        private String malwareType;
        private String ruleName;
        private String action;
        private String srcAddress;
        private String srcHost;
        private Integer srcPort;
        private String dstAddress;
        private String dstHost;
        private Integer dstPort;
        private String fileName;
        private String fileHash;
        private String url;
        private String direction;
        private String attackPhase;
        private String user;
        private String application;
        private long count = 1;
        private FactStrings strings = FactStrings.NONE;

        private Builder(long id, long accountId, Instant eventTime) {
            this.id = id;
            this.accountId = accountId;
            this.eventTime = java.util.Objects.requireNonNull(eventTime, "eventTime");
        }

        /** Another event time. */
        public Builder at(Instant value) { eventTime = java.util.Objects.requireNonNull(value, "eventTime"); return this; }
        public Builder productId(long value) { productId = value; return this; }
        /** informational, low, medium, high or critical. */
        public Builder severity(String value) { severity = value; return this; }
        public Builder eventName(String value) { eventName = value; return this; }
        public Builder threatType(String value) { threatType = value; return this; }
        public Builder threatName(String value) { threatName = value; return this; }
        public Builder malwareType(String value) { malwareType = value; return this; }
        public Builder ruleName(String value) { ruleName = value; return this; }
        public Builder action(String value) { action = value; return this; }
        public Builder src(String address, String hostName, Integer port) {
            srcAddress = address; srcHost = hostName; srcPort = port; return this;
        }
        public Builder dst(String address, String hostName, Integer port) {
            dstAddress = address; dstHost = hostName; dstPort = port; return this;
        }
        public Builder file(String name, String hash) { fileName = name; fileHash = hash; return this; }
        public Builder url(String value) { url = value; return this; }
        /** INBOUND (the source is outside), OUTBOUND, or null when unknown. */
        public Builder direction(String value) { direction = value; return this; }
        public Builder attackPhase(String value) { attackPhase = value; return this; }
        public Builder user(String value) { user = value; return this; }
        public Builder application(String value) { application = value; return this; }
        public Builder count(long value) { count = value; return this; }

        public DetectionFact build() {
            return new DetectionFact(this);
        }
    }
}
