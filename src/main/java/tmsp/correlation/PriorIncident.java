package tmsp.correlation;

import java.time.Instant;
import java.util.List;

/**
 * An incident that named a host, as a plain fact (not an event). The run inserts earlier days' incidents before
 * its detections, so rules can see a host's history (a repeat offender); {@link RaisedIncidents} inserts one
 * for each host and day of the incidents the run raises itself, with the detections behind it as evidence.
 * Getters: DRL binds to bean properties.
 */
public final class PriorIncident {

    private final long accountId;
    private final String host;
    private final String ruleId;
    private final Instant firstSeen;
    private final Instant lastSeen;
    private final List<DetectionFact> evidence;

    /** An earlier day's incident: no detections come with it. */
    public PriorIncident(long accountId, String host, String ruleId, Instant firstSeen, Instant lastSeen) {
        this(accountId, host, ruleId, firstSeen, lastSeen, List.of());
    }

    /** An incident of this run, with the detections of the host that raised it. */
    public PriorIncident(long accountId, String host, String ruleId, Instant firstSeen, Instant lastSeen,
                         List<DetectionFact> evidence) {
        this.accountId = accountId;
        this.host = host;
        this.ruleId = ruleId;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
        this.evidence = List.copyOf(evidence);
    }

    public long getAccountId() { return accountId; }
    public String getHost() { return host; }
    public String getRuleId() { return ruleId; }
    public Instant getFirstSeen() { return firstSeen; }
    public Instant getLastSeen() { return lastSeen; }
    /** The UTC day number of the last sighting, for "on N days running". */
    public long getLastSeenDay() { return dayOf(lastSeen); }
    /** The detections behind it when this run raised it; empty for an earlier day's. */
    public List<DetectionFact> getEvidence() { return evidence; }
    /** Raised by this run (so it has evidence), not read from history. */
    public boolean isRaisedNow() { return !evidence.isEmpty(); }

    static long dayOf(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), 86_400);
    }

    @Override
    public String toString() {
        return "PriorIncident[" + accountId + " " + host + " " + ruleId + " " + lastSeen + "]";
    }
}
