package tmsp.incident.internal;

import java.time.Instant;
import java.util.List;
import tmsp.incident.IncidentStatus;

/**
 * An incident as the pages and the API show it; a suppressed one names the rule exception that matched it (its
 * id and a description with the rule set version).
 */
record IncidentView(long id, String key, long accountId, String ruleId, String grouping, String title,
                    String severity, IncidentStatus status, List<String> attack, List<String> hosts,
                    List<String> addresses, List<String> threatNames, Instant firstSeen, Instant lastSeen,
                    int detectionCount, String acknowledgedBy, Instant acknowledgedAt, String resolvedBy,
                    Instant resolvedAt, boolean suppressed, Long suppressedByException, String suppressedReason) {

    static IncidentView of(Incident i) {
        return new IncidentView(i.id(), i.key(), i.accountId(), i.ruleId(), i.grouping(), i.title(), i.severity(),
                i.status(), i.attack(), i.hosts(), i.addresses(), i.threatNames(), i.firstSeen(), i.lastSeen(),
                i.detectionCount(), i.acknowledgedBy(), i.acknowledgedAt(), i.resolvedBy(), i.resolvedAt(),
                i.suppressed(), i.suppressedByException(), i.suppressedReason());
    }
}
