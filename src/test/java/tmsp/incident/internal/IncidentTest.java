package tmsp.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentKeys;
import tmsp.incident.IncidentStatus;

/** The incident's own rules: how a finding widens it, its key, and which status changes its life cycle allows. */
class IncidentTest {

    static final Instant T = Instant.parse("2026-09-01T12:00:00Z");

    static IncidentFinding finding(String title, String severity, Instant first, Instant last, Set<String> hosts) {
        return new IncidentFinding("rule", 7, "g", title, severity, List.of("T1046"), first, last, hosts,
                Set.of("10.0.0.1"), Set.of(), Set.of(1L));
    }

    @Test
    void absorbingWidensTheSpanAndUnitesTheSetsAndTheSameFindingAgainChangesNothing() {
        Incident incident = new Incident("key", finding("first", "MEDIUM", T, T.plusSeconds(60), Set.of("b")), T);

        IncidentFinding later = finding("later", "HIGH", T.minusSeconds(30), T.plusSeconds(120), Set.of("a", "b"));
        assertThat(incident.absorb(later, T)).isTrue();
        assertThat(incident.absorb(later, T)).isFalse();

        assertThat(incident.firstSeen()).isEqualTo(T.minusSeconds(30));
        assertThat(incident.lastSeen()).isEqualTo(T.plusSeconds(120));
        assertThat(incident.hosts()).containsExactly("a", "b");
        assertThat(incident.severity()).isEqualTo("HIGH");
        assertThat(incident.title()).isEqualTo("later");
    }

    @Test
    void anEarlierFindingNeitherRenamesNorLowersTheIncident() {
        Incident incident = new Incident("key", finding("latest", "HIGH", T, T.plusSeconds(60), Set.of("a")), T);

        assertThat(incident.absorb(finding("earlier", "LOW", T.minusSeconds(10), T.plusSeconds(30), Set.of("a")), T))
                .as("only the first seen moved").isTrue();

        assertThat(incident.title()).isEqualTo("latest");
        assertThat(incident.severity()).isEqualTo("HIGH");
        assertThat(incident.firstSeen()).isEqualTo(T.minusSeconds(10));
    }

    @Test
    void atTheSameLastSeenOnlyAFindingWithMoreEvidenceThanCountedRenames() {
        Incident incident = new Incident("key", withEvidence("9 detections", 1, 9), T);
        incident.countEvidence(9, T);

        assertThat(incident.absorb(withEvidence("5 detections", 5, 9), T))
                .as("a part of the episode, raised again as its detections left the window").isFalse();
        assertThat(incident.title()).isEqualTo("9 detections");

        assertThat(incident.absorb(withEvidence("10 detections", 1, 10), T)).isTrue();
        assertThat(incident.title()).isEqualTo("10 detections");
    }

    static IncidentFinding withEvidence(String title, long firstId, long lastId) {
        return new IncidentFinding("rule", 7, "g", title, "HIGH", List.of(), T, T.plusSeconds(60), Set.of("a"),
                Set.of(), Set.of(), java.util.stream.LongStream.rangeClosed(firstId, lastId).boxed()
                .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void theLifeCycleAllowsAcknowledgeResolveReopenButNotAcknowledgingAResolvedIncident() {
        Incident incident = new Incident("key", finding("t", "LOW", T, T, Set.of()), T);
        incident.acknowledge("ann", T);
        incident.resolve("bob", T);
        assertThatThrownBy(() -> incident.acknowledge("ann", T)).isInstanceOf(IllegalIncidentTransition.class);
        assertThatThrownBy(() -> incident.resolve("ann", T)).isInstanceOf(IllegalIncidentTransition.class);
        incident.reopen(T);
        assertThat(incident.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(incident.resolvedBy()).isNull();
        assertThatThrownBy(() -> incident.reopen(T)).isInstanceOf(IllegalIncidentTransition.class);
    }

    @Test
    void keysAreShortAndDeterministicAndDifferByGroupingAndEpisode() {
        String grouping = "x".repeat(5000);
        String key = IncidentKeys.of("outbreak", 42, grouping, T);
        assertThat(key).isEqualTo(IncidentKeys.of("outbreak", 42, grouping, T))
                .matches("outbreak:42:[0-9a-f]{16}:" + T.getEpochSecond()).hasSizeLessThan(60);
        assertThat(IncidentKeys.of("outbreak", 42, grouping + "y", T)).isNotEqualTo(key);
        assertThat(IncidentKeys.of("outbreak", 42, grouping, T.plusSeconds(1))).isNotEqualTo(key);
        assertThat(IncidentKeys.of("outbreak", 43, grouping, T)).isNotEqualTo(key);
    }

    @Test
    void aLongTitleOrGroupingIsCutToItsColumn() {
        IncidentFinding huge = new IncidentFinding("rule", 7, "g".repeat(3000), "t".repeat(3000), "LOW", List.of(),
                T, T, Set.of(), Set.of(), Set.of(), Set.of());
        Incident incident = new Incident("key", huge, T);
        assertThat(incident.title()).hasSize(Incident.TITLE_LENGTH).endsWith("…");
        assertThat(incident.grouping()).hasSize(Incident.GROUPING_LENGTH);
        assertThat(incident.absorb(huge, T)).isFalse();
    }
}
