package tmsp.correlation.authoring.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentKeys;

/** The diff of two sides' incidents by their incident key, without Spring or Drools. */
class IncidentDiffTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    static IncidentFinding finding(String rule, String grouping, Instant first, Instant last, String severity,
                                   Set<Long> ids) {
        return new IncidentFinding(rule, 7, grouping, rule + " on " + grouping, severity, List.of("T1110"), first, last,
                Set.of(grouping), Set.of("10.0.0.1"), Set.of(), ids);
    }

    @Test
    void anIncidentOnlyTheDraftRaisesIsAddedWithItsKeyAndEvidence() {
        IncidentFinding only = finding("brute-force", "pc-1", T0, T0.plusSeconds(60), "high", Set.of(3L, 1L, 2L));

        IncidentDiff diff = IncidentDiff.of(List.of(), List.of(only));

        assertThat(diff.addedCount()).isEqualTo(1);
        assertThat(diff.removedCount()).isZero();
        assertThat(diff.changedCount()).isZero();
        assertThat(diff.unchangedCount()).isZero();
        TestIncident added = diff.added().get(0);
        assertThat(added.key()).isEqualTo(IncidentKeys.of("brute-force", 7, "pc-1", T0));
        assertThat(added.evidenceIds()).containsExactly(1L, 2L, 3L);
        assertThat(added.detectionCount()).isEqualTo(3);
        assertThat(added.severity()).isEqualTo("high");
    }

    @Test
    void anIncidentOnlyThePublishedRulesRaiseIsRemoved() {
        IncidentFinding gone = finding("brute-force", "pc-1", T0, T0, "high", Set.of(1L));

        IncidentDiff diff = IncidentDiff.of(List.of(gone), List.of());

        assertThat(diff.removedCount()).isEqualTo(1);
        assertThat(diff.removed()).extracting(TestIncident::ruleId).containsExactly("brute-force");
        assertThat(diff.addedCount()).isZero();
    }

    @Test
    void theSameKeyWithOtherSeverityOrEvidenceIsChangedAndNamesWhatDiffers() {
        IncidentFinding before = finding("brute-force", "pc-1", T0, T0.plusSeconds(60), "high", Set.of(1L, 2L));
        IncidentFinding after = finding("brute-force", "pc-1", T0, T0.plusSeconds(90), "critical", Set.of(1L, 2L, 3L));

        IncidentDiff diff = IncidentDiff.of(List.of(before), List.of(after));

        assertThat(diff.changedCount()).isEqualTo(1);
        assertThat(diff.addedCount()).isZero();
        assertThat(diff.removedCount()).isZero();
        ChangedIncident changed = diff.changed().get(0);
        assertThat(changed.differences()).containsExactly("severity", "lastSeen", "detections");
        assertThat(changed.published().severity()).isEqualTo("high");
        assertThat(changed.draft().severity()).isEqualTo("critical");
        assertThat(changed.draft().evidenceIds()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void identicalIncidentsAreOnlyCounted() {
        IncidentFinding same = finding("malware-outbreak", "WORM_X", T0, T0.plusSeconds(5), "high", Set.of(1L, 2L));
        IncidentFinding again = finding("malware-outbreak", "WORM_X", T0, T0.plusSeconds(5), "high", Set.of(2L, 1L));

        IncidentDiff diff = IncidentDiff.of(List.of(same), List.of(again));

        assertThat(diff.unchangedCount()).isEqualTo(1);
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    void anEpisodeThatStartsAtAnotherSecondIsAnotherIncident() {
        IncidentFinding before = finding("brute-force", "pc-1", T0, T0.plusSeconds(60), "high", Set.of(1L, 2L));
        IncidentFinding earlier = finding("brute-force", "pc-1", T0.minusSeconds(30), T0.plusSeconds(60), "high",
                Set.of(0L, 1L, 2L));

        IncidentDiff diff = IncidentDiff.of(List.of(before), List.of(earlier));

        assertThat(diff.addedCount()).isEqualTo(1);
        assertThat(diff.removedCount()).isEqualTo(1);
    }

    @Test
    void anotherAccountOrGroupingIsAnotherKey() {
        IncidentFinding mine = finding("brute-force", "pc-1", T0, T0, "high", Set.of(1L));
        IncidentFinding otherHost = finding("brute-force", "pc-2", T0, T0, "high", Set.of(1L));
        IncidentFinding otherAccount = new IncidentFinding("brute-force", 8, "pc-1", "t", "high", List.of(), T0, T0,
                Set.of(), Set.of(), Set.of(), Set.of(1L));

        IncidentDiff diff = IncidentDiff.of(List.of(mine), List.of(otherHost, otherAccount));

        assertThat(diff.addedCount()).isEqualTo(2);
        assertThat(diff.removedCount()).isEqualTo(1);
    }

    @Test
    void countsAreExactWhileTheListsStopAtTheirLimitInFirstSeenOrder() {
        List<IncidentFinding> many = new ArrayList<>();
        for (int i = 0; i < IncidentDiff.MAX_ITEMS + 50; i++) {
            many.add(finding("brute-force", "pc-" + i, T0.plusSeconds(IncidentDiff.MAX_ITEMS + 50 - i), T0.plusSeconds(900),
                    "high", Set.of((long) i)));
        }

        IncidentDiff diff = IncidentDiff.of(List.of(), many);

        assertThat(diff.addedCount()).isEqualTo(IncidentDiff.MAX_ITEMS + 50);
        assertThat(diff.added()).hasSize(IncidentDiff.MAX_ITEMS);
        assertThat(diff.added().get(0).grouping()).isEqualTo("pc-" + (IncidentDiff.MAX_ITEMS + 49));
        assertThat(diff.added()).isSortedAccordingTo(java.util.Comparator.comparing(TestIncident::firstSeen));
    }

    @Test
    void evidenceIdsAreCappedButCountedInFull() {
        Set<Long> ids = new java.util.HashSet<>();
        for (long i = 0; i < TestIncident.MAX_EVIDENCE_IDS * 3; i++) {
            ids.add(i);
        }
        IncidentDiff diff = IncidentDiff.of(List.of(), List.of(finding("r", "g", T0, T0, "low", ids)));

        assertThat(diff.added().get(0).detectionCount()).isEqualTo(TestIncident.MAX_EVIDENCE_IDS * 3);
        assertThat(diff.added().get(0).evidenceIds()).hasSize(TestIncident.MAX_EVIDENCE_IDS).startsWith(0L, 1L);
    }
}
