package tmsp.correlation;

import java.time.Instant;

/** A detection as the correlation rules see it. Getters, not record accessors: DRL binds to bean properties. */
public final class DetectionFact {

    private final long id;
    private final Instant eventTime;
    private final String severity;
    private final String threatType;
    private final String threatName;
    private final String ruleName;
    private final String sourceAddress;
    private final String destinationAddress;
    private final String host;

    public DetectionFact(long id, Instant eventTime, String severity, String threatType, String threatName,
                         String ruleName, String sourceAddress, String destinationAddress, String host) {
        this.id = id;
        this.eventTime = eventTime;
        this.severity = severity;
        this.threatType = threatType;
        this.threatName = threatName;
        this.ruleName = ruleName;
        this.sourceAddress = sourceAddress;
        this.destinationAddress = destinationAddress;
        this.host = host;
    }

    public long getId() { return id; }
    public Instant getEventTime() { return eventTime; }
    public String getSeverity() { return severity; }
    public String getThreatType() { return threatType; }
    public String getThreatName() { return threatName; }
    public String getRuleName() { return ruleName; }
    public String getSourceAddress() { return sourceAddress; }
    public String getDestinationAddress() { return destinationAddress; }
    public String getHost() { return host; }
}
