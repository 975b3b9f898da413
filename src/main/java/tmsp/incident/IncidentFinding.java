package tmsp.incident;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a correlation concluded: one episode of one rule for one grouping (a host, a threat, a source and
 * target...) of one account, with the detections behind it. The incident module turns it into an incident
 * whose key is rule, account, grouping and episode, so a rerun finds the same one.
 */
public record IncidentFinding(String ruleId, long accountId, String grouping, String title, String severity,
                              List<String> attack, Instant firstSeen, Instant lastSeen, Set<String> hosts,
                              Set<String> addresses, Set<String> threatNames, Set<Long> detectionIds) {
}
