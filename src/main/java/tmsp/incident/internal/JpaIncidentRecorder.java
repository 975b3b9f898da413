package tmsp.incident.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.incident.IncidentEvents.IncidentRaised;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentKeys;
import tmsp.incident.IncidentRecorder;
import tmsp.incident.IncidentSuppression;

/**
 * Upserts findings into incidents, all of one call in one transaction. A finding joins the earliest incident of
 * its account, rule and grouping whose span comes within the rule's episode gap of its own; otherwise it becomes a
 * new incident keyed by its first seen. Findings are taken in first-seen order, so two findings of one call that
 * are one episode also end in one incident. Then each incident the call touched gets the call's verdict of the
 * rule exceptions, and only incidents that are not suppressed are announced ({@link IncidentRaised}).
 */
@Component
class JpaIncidentRecorder implements IncidentRecorder {

    static final Duration DEFAULT_GAP = Duration.ofHours(1);

    /** First key of the PostgreSQL advisory locks this class takes; the second is the account id. */
    static final int LOCK_NAMESPACE = 7007;

    private final Incidents incidents;
    private final IncidentEvidence evidence;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final boolean postgres;

    JpaIncidentRecorder(Incidents incidents, IncidentEvidence evidence, JdbcTemplate jdbc,
                        ApplicationEventPublisher events) {
        this.incidents = incidents;
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.events = events;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c ->
                c.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL")));
    }

    /** Not a default method of the interface: a call from there would bypass this bean's transaction. */
    @Override
    @Transactional
    public Recorded record(long accountId, List<IncidentFinding> findings, Map<String, Duration> episodeGaps) {
        return record(accountId, findings, episodeGaps, finding -> null);
    }

    @Override
    @Transactional
    public Recorded record(long accountId, List<IncidentFinding> findings, Map<String, Duration> episodeGaps,
                           Function<IncidentFinding, IncidentSuppression> suppression) {
        if (postgres) {
            // Nightly and live correlation may record the same account at once: one after the other, the second
            // finds the first's incidents instead of inserting the same key again. Released at commit.
            jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> { }, LOCK_NAMESPACE, (int) accountId);
        }
        Instant now = Instant.now();
        Set<Long> created = new HashSet<>();
        Set<Long> updated = new HashSet<>();
        Map<Long, Incident> touched = new LinkedHashMap<>();
        Map<Long, Optional<IncidentSuppression>> verdicts = new HashMap<>();
        List<IncidentFinding> ordered = findings.stream()
                .sorted(Comparator.comparing(IncidentFinding::firstSeen).thenComparing(IncidentFinding::lastSeen))
                .toList();
        EpisodeIndex episodes = episodesWithinReach(accountId, ordered, episodeGaps);
        for (IncidentFinding finding : ordered) {
            Duration gap = gapOf(finding, episodeGaps);
            Optional<Incident> near = episodes.earliestNear(finding.ruleId(), Incident.groupingOf(finding),
                    finding.firstSeen().minus(gap), finding.lastSeen().plus(gap));
            Incident incident;
            boolean changed;
            if (near.isEmpty()) {
                incident = incidents.save(new Incident(IncidentKeys.of(finding.ruleId(), accountId, finding.grouping(),
                        finding.firstSeen()), finding, now));
                episodes.add(incident);
                created.add(incident.id());
                changed = false;
            } else {
                incident = near.get();
                changed = incident.absorb(finding, now);
            }
            int count = evidence.add(incident.id(), incident.detectionCount(), finding.detectionIds());
            changed |= incident.countEvidence(count, now);
            if (changed && !created.contains(incident.id())) {
                updated.add(incident.id());
            }
            touched.put(incident.id(), incident);
            // Suppressed only if every finding of this call that lands in the incident is.
            verdicts.merge(incident.id(), Optional.ofNullable(suppression.apply(finding)),
                    (a, b) -> a.isPresent() && b.isPresent() ? a : Optional.empty());
        }
        int raised = 0;
        int suppressed = 0;
        for (Incident incident : touched.values()) {
            boolean wasSuppressed = incident.suppressed();
            boolean changed = incident.judge(verdicts.get(incident.id()).orElse(null), now);
            boolean isNew = created.contains(incident.id());
            if (changed && !isNew) {
                updated.add(incident.id());
            }
            if (incident.suppressed()) {
                suppressed++;
            } else if (isNew || wasSuppressed) {
                // Announced when it first comes into sight: new, or no longer suppressed after a rerun. The
                // outbreak notification is keyed by incident, so one brought back after being seen is not mailed twice.
                raised += isNew ? 1 : 0;
                events.publishEvent(raisedEvent(incident));
            }
        }
        return new Recorded(raised, updated.size(), suppressed);
    }

    /**
     * Every incident the findings could join, in one query: the rules' incidents reaching into the span of all
     * findings, each widened by its rule's gap. A finding of another account is refused here, before anything is
     * written.
     */
    private EpisodeIndex episodesWithinReach(long accountId, List<IncidentFinding> findings,
                                             Map<String, Duration> episodeGaps) {
        if (findings.isEmpty()) {
            return new EpisodeIndex(List.of());
        }
        Instant from = Instant.MAX;
        Instant to = Instant.MIN;
        Set<String> ruleIds = new HashSet<>();
        for (IncidentFinding finding : findings) {
            if (finding.accountId() != accountId) {
                throw new IllegalArgumentException("A finding of account " + finding.accountId()
                        + " was recorded for account " + accountId);
            }
            Duration gap = gapOf(finding, episodeGaps);
            from = min(from, finding.firstSeen().minus(gap));
            to = max(to, finding.lastSeen().plus(gap));
            ruleIds.add(finding.ruleId());
        }
        return new EpisodeIndex(incidents.episodesWithin(accountId, ruleIds, from, to));
    }

    private static Duration gapOf(IncidentFinding finding, Map<String, Duration> episodeGaps) {
        return episodeGaps == null ? DEFAULT_GAP : episodeGaps.getOrDefault(finding.ruleId(), DEFAULT_GAP);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static IncidentRaised raisedEvent(Incident incident) {
        return new IncidentRaised(incident.id(), incident.accountId(), incident.ruleId(), incident.key(),
                incident.title(), incident.severity(), List.copyOf(incident.attack()), List.copyOf(incident.hosts()),
                List.copyOf(incident.threatNames()), incident.firstSeen(), incident.lastSeen(),
                incident.detectionCount());
    }
}
