package tmsp.correlation.authoring.backtest;

import java.time.Instant;
import java.util.List;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentKeys;

/**
 * An incident one side of a test would raise, under the key it would be recorded with. The evidence ids are
 * capped at {@link #MAX_EVIDENCE_IDS} ({@code detectionCount} counts them all); {@code evidence} shows the first
 * few detections' main fields.
 */
public record TestIncident(String key, String ruleId, String grouping, String title, String severity,
                           Instant firstSeen, Instant lastSeen, int detectionCount, List<String> hosts,
                           List<String> addresses, List<String> threatNames, List<Long> evidenceIds,
                           List<EvidenceDetection> evidence) {

    static final int MAX_EVIDENCE_IDS = 50;

    static TestIncident of(IncidentFinding f) {
        return new TestIncident(IncidentKeys.of(f.ruleId(), f.accountId(), f.grouping(), f.firstSeen()), f.ruleId(),
                f.grouping(), f.title(), f.severity(), f.firstSeen(), f.lastSeen(), f.detectionIds().size(),
                f.hosts().stream().sorted().toList(), f.addresses().stream().sorted().toList(),
                f.threatNames().stream().sorted().toList(),
                f.detectionIds().stream().sorted().limit(MAX_EVIDENCE_IDS).toList(), List.of());
    }

    TestIncident withEvidence(List<EvidenceDetection> shown) {
        return new TestIncident(key, ruleId, grouping, title, severity, firstSeen, lastSeen, detectionCount, hosts,
                addresses, threatNames, evidenceIds, List.copyOf(shown));
    }
}
