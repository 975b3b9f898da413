package tmsp.correlation.authoring.backtest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tmsp.ingest.Detections;
import tmsp.ingest.StoredDetection;

/**
 * Fills in the main fields of the first few evidence detections of each listed incident: from the pasted lines
 * at hand, or read back through the ingest module in one query per side of the diff.
 */
final class TestEvidence {

    /** Detections shown per incident; the ids list goes further. */
    static final int SHOWN = 5;

    private TestEvidence() {
    }

    static IncidentDiff fill(IncidentDiff diff, TestSource source, Detections detections) {
        Set<Long> wanted = new HashSet<>();
        diff.added().forEach(i -> wanted.addAll(shown(i)));
        diff.removed().forEach(i -> wanted.addAll(shown(i)));
        diff.changed().forEach(c -> {
            wanted.addAll(shown(c.published()));
            wanted.addAll(shown(c.draft()));
        });
        Map<Long, StoredDetection> byId = new HashMap<>();
        if (!wanted.isEmpty()) {
            Collection<StoredDetection> found = source instanceof TestSource.StoredDays days
                    ? detections.byIds(days.accountId(), wanted) : ((TestSource.Pasted) source).detections();
            found.stream().filter(d -> wanted.contains(d.id())).forEach(d -> byId.put(d.id(), d));
        }
        Function<TestIncident, TestIncident> withEvidence = i -> i.withEvidence(shown(i).stream()
                .map(byId::get).filter(java.util.Objects::nonNull).map(EvidenceDetection::of).toList());
        List<ChangedIncident> changed = new ArrayList<>();
        diff.changed().forEach(c -> changed.add(new ChangedIncident(c.key(), c.differences(),
                withEvidence.apply(c.published()), withEvidence.apply(c.draft()))));
        return diff.withItems(diff.added().stream().map(withEvidence).toList(),
                diff.removed().stream().map(withEvidence).toList(), changed);
    }

    private static List<Long> shown(TestIncident incident) {
        return incident.evidenceIds().subList(0, Math.min(SHOWN, incident.evidenceIds().size()));
    }
}
