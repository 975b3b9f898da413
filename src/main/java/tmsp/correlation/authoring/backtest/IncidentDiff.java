package tmsp.correlation.authoring.backtest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import tmsp.incident.IncidentFinding;

/**
 * What a draft changes against the published rules: the incidents of both sides matched by the key they would
 * be recorded under (rule, account, grouping, first seen). Added: only the draft raises it; removed: only the
 * published rules do; changed: both, but severity, title, last seen, detections, hosts, addresses or threats
 * differ. The counts are exact; each list keeps at most {@link #MAX_ITEMS} items, in first-seen order.
 */
public record IncidentDiff(int addedCount, int removedCount, int changedCount, int unchangedCount,
                           List<TestIncident> added, List<TestIncident> removed, List<ChangedIncident> changed) {

    public static final int MAX_ITEMS = 100;

    public static IncidentDiff of(Collection<IncidentFinding> published, Collection<IncidentFinding> draft) {
        Map<String, IncidentFinding> before = byKey(published);
        Map<String, IncidentFinding> after = byKey(draft);
        List<TestIncident> added = new ArrayList<>();
        List<TestIncident> removed = new ArrayList<>();
        List<ChangedIncident> changed = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<String, IncidentFinding> entry : after.entrySet()) {
            IncidentFinding old = before.get(entry.getKey());
            if (old == null) {
                added.add(TestIncident.of(entry.getValue()));
                continue;
            }
            List<String> differences = differences(old, entry.getValue());
            if (differences.isEmpty()) {
                unchanged++;
            } else {
                changed.add(new ChangedIncident(entry.getKey(), differences, TestIncident.of(old),
                        TestIncident.of(entry.getValue())));
            }
        }
        before.forEach((key, finding) -> {
            if (!after.containsKey(key)) {
                removed.add(TestIncident.of(finding));
            }
        });
        return new IncidentDiff(added.size(), removed.size(), changed.size(), unchanged, firstOf(added),
                firstOf(removed), firstOf(changed));
    }

    /** Two findings under one key cannot both come from one session (their episodes would touch): the first wins. */
    private static Map<String, IncidentFinding> byKey(Collection<IncidentFinding> findings) {
        Map<String, IncidentFinding> byKey = new LinkedHashMap<>();
        findings.stream()
                .sorted(java.util.Comparator.comparing(IncidentFinding::firstSeen).thenComparing(IncidentFinding::ruleId)
                        .thenComparing(IncidentFinding::grouping, java.util.Comparator.nullsFirst(String::compareTo)))
                .forEach(f -> byKey.putIfAbsent(TestIncident.of(f).key(), f));
        return byKey;
    }

    static List<String> differences(IncidentFinding published, IncidentFinding draft) {
        List<String> differences = new ArrayList<>();
        differ(differences, "severity", published, draft, IncidentFinding::severity);
        differ(differences, "title", published, draft, IncidentFinding::title);
        differ(differences, "lastSeen", published, draft, IncidentFinding::lastSeen);
        differ(differences, "detections", published, draft, IncidentFinding::detectionIds);
        differ(differences, "hosts", published, draft, IncidentFinding::hosts);
        differ(differences, "addresses", published, draft, IncidentFinding::addresses);
        differ(differences, "threatNames", published, draft, IncidentFinding::threatNames);
        differ(differences, "attack", published, draft, f -> f.attack() == null ? Set.of() : Set.copyOf(f.attack()));
        return differences;
    }

    private static void differ(List<String> differences, String name, IncidentFinding a, IncidentFinding b,
                               Function<IncidentFinding, Object> field) {
        if (!Objects.equals(field.apply(a), field.apply(b))) {
            differences.add(name);
        }
    }

    private static <T> List<T> firstOf(List<T> items) {
        return List.copyOf(items.subList(0, Math.min(items.size(), MAX_ITEMS)));
    }

    /** The same diff with other item lists (the evidence filled in); the counts stay. */
    IncidentDiff withItems(List<TestIncident> added, List<TestIncident> removed, List<ChangedIncident> changed) {
        return new IncidentDiff(addedCount, removedCount, changedCount, unchangedCount, added, removed, changed);
    }
}
