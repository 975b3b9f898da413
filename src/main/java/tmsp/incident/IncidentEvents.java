package tmsp.incident;

import java.time.Instant;
import java.util.List;

/** What happens to incidents, published for the system log and for other modules. */
public final class IncidentEvents {

    private IncidentEvents() {
    }

    /** Someone moved an incident from one status to another (acknowledged, resolved or reopened it). */
    public record IncidentStatusChanged(String actor, long incidentId, long accountId, String key, String title,
                                        IncidentStatus from, IncidentStatus to) {
    }

    /**
     * Correlation raised a new incident (published once, when it is first recorded; evidence added later does
     * not raise it again). Listeners run after the commit, through the event publication registry.
     */
    public record IncidentRaised(long incidentId, long accountId, String ruleId, String key, String title,
                                 String severity, List<String> attack, List<String> hosts, List<String> threatNames,
                                 Instant firstSeen, Instant lastSeen, int detectionCount) {
    }
}
