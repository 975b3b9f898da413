package tmsp.correlation;

import java.time.Instant;

/**
 * An incident of an earlier day that named a host, inserted as a plain fact (not an event) before a run's
 * detections, so rules can see a host's history (a repeat offender). Getters: DRL binds to bean properties.
 */
public final class PriorIncident {

    private final long accountId;
    private final String host;
    private final String ruleId;
    private final Instant firstSeen;
    private final Instant lastSeen;

    public PriorIncident(long accountId, String host, String ruleId, Instant firstSeen, Instant lastSeen) {
        this.accountId = accountId;
        this.host = host;
        this.ruleId = ruleId;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
    }

    public long getAccountId() { return accountId; }
    public String getHost() { return host; }
    public String getRuleId() { return ruleId; }
    public Instant getFirstSeen() { return firstSeen; }
    public Instant getLastSeen() { return lastSeen; }
    /** The UTC day number of the last sighting, for "on N days running". */
    public long getLastSeenDay() { return lastSeen.getEpochSecond() / 86_400; }
}
