package tmsp.correlation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.CorrelationSession;
import tmsp.correlation.DetectionFact;
import tmsp.correlation.FactStrings;
import tmsp.correlation.RuleDefinition;
import tmsp.incident.IncidentFinding;
import tmsp.ingest.StoredDetection;

/**
 * One account's long-lived stream session for live correlation. Detections older than the session's clock by
 * more than the longest window are late: they are counted and left to the nightly run, which reads in order.
 * Only findings that changed since they were last recorded are handed on, and episodes that can no longer grow
 * are forgotten, so memory is bounded by the windows and not by the stream.
 */
final class LiveAccountSession implements AutoCloseable {

    private final CompiledRules rules;
    private final CorrelationSession session;
    private final Duration lateAfter;
    private final Duration forgetAfter;
    private Map<String, Recorded> recorded = new HashMap<>();
    private Instant clock = Instant.EPOCH;
    private Instant lastActivity = Instant.EPOCH;
    private Instant lastRecorded = Instant.EPOCH;
    private long late;

    LiveAccountSession(CompiledRules rules) {
        this.rules = rules;
        this.session = new CorrelationSession(rules);
        this.lateAfter = rules.longestWindow();
        Duration gap = rules.rules().stream().map(RuleDefinition::episodeGap).max(Duration::compareTo)
                .orElse(Duration.ofHours(1));
        this.forgetAfter = gap.multipliedBy(2).plus(lateAfter);
    }

    CompiledRules rules() {
        return rules;
    }

    void insertFact(Object fact) {
        session.insertFact(fact);
    }

    /**
     * @param strings the caller's shared texts (one for all accounts' sessions of one thread)
     * @return false when the detection was late and left to the nightly run
     */
    boolean accept(StoredDetection detection, FactStrings strings) {
        if (detection.eventTime().isBefore(clock.minus(lateAfter))) {
            late++;
            return false;
        }
        if (detection.eventTime().isAfter(clock)) {
            clock = detection.eventTime();
        }
        session.insert(DetectionFact.of(detection, strings));
        return true;
    }

    /** The findings that are new or grew since the last call; forgets episodes too old to grow. */
    List<IncidentFinding> changedFindings(Instant now) {
        lastActivity = now;
        lastRecorded = now;
        List<IncidentFinding> changed = new ArrayList<>();
        Map<String, Recorded> current = new HashMap<>();
        Instant settled = clock.minus(forgetAfter);
        for (IncidentFinding f : session.findings()) {
            String key = f.ruleId() + "\u0000" + f.grouping() + "\u0000" + f.firstSeen();
            Recorded seen = new Recorded(f.detectionIds().size(), f.lastSeen());
            if (!seen.equals(recorded.get(key))) {
                changed.add(f);
            }
            if (!f.lastSeen().isBefore(settled)) {
                current.put(key, seen);
            }
        }
        recorded = current;
        session.forgetEpisodesBefore(settled);
        return changed;
    }

    private record Recorded(int evidence, Instant lastSeen) {
    }

    boolean recordedBefore(Instant instant) {
        return !lastRecorded.isAfter(instant);
    }

    boolean idleSince(Instant cutoff) {
        return lastActivity.isBefore(cutoff);
    }

    long late() {
        return late;
    }

    /** Episodes the session still keeps (they may still grow). */
    int pendingEpisodes() {
        return recorded.size();
    }

    long factCount() {
        return session.factCount();
    }

    @Override
    public void close() {
        session.close();
    }
}
