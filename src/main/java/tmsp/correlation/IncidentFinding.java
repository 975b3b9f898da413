package tmsp.correlation;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a rule concludes: an incident identified by rule and key (so a rerun finds the same one),
 * with the detections behind it.
 */
public record IncidentFinding(String ruleId, String key, String title, String severity, Set<Long> detectionIds) {

    public IncidentFinding(String ruleId, String key, String title, String severity, Collection<?> detectionIds) {
        this(ruleId, key, title, severity, toIds(detectionIds));
    }

    private static Set<Long> toIds(Collection<?> ids) {
        Set<Long> sorted = new TreeSet<>();
        ids.forEach(id -> sorted.add(((Number) id).longValue()));
        return Set.copyOf(sorted);
    }
}
