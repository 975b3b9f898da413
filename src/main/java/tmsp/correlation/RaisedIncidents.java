package tmsp.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tmsp.incident.IncidentFinding;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global {@code incidents} every rule raises into: {@code incidents.raise(kcontext, grouping, title,
 * evidence)}. Rules fire again and again as their windows slide; findings of one rule and grouping whose times
 * lie within the rule's episode gap of each other are one episode, whose evidence grows. Episodes are kept per
 * rule, account and grouping, so one session fed two accounts never merges them.
 *
 * <p>For each host and UTC day an incident names, the first raise also inserts a {@link PriorIncident} with
 * that host's detections into the session, so a rule about a host's history counts today as well.
 */
public final class RaisedIncidents {

    /** The evidence an incident keeps at most; its count goes on beyond. */
    public static final int MAX_EVIDENCE = 10_000;
    /** The detections a host's {@link PriorIncident} of this run carries at most. */
    static final int MAX_HOST_EVIDENCE = 100;

    private final Map<String, RuleDefinition> rules;
    private final Map<String, List<Episode>> episodes = new HashMap<>();
    private final java.util.Set<HostDay> hostDays = new java.util.HashSet<>();

    private record HostDay(long accountId, String host, long day) {
    }

    public RaisedIncidents(Collection<RuleDefinition> rules) {
        this.rules = new HashMap<>();
        rules.forEach(r -> this.rules.put(r.name(), r));
    }

    /**
     * @param kcontext the rule's context ({@code kcontext} in a consequence), which tells which rule raised it
     * @param grouping what the incident is about, e.g. the host or "attacker -> target"; part of its key
     * @param evidence the {@link DetectionFact}s behind it
     */
    public void raise(RuleContext kcontext, String grouping, String title, Collection<?> evidence) {
        RuleDefinition rule = rules.get(kcontext.getRule().getName());
        if (rule == null) {
            throw new IllegalStateException("Rule '" + kcontext.getRule().getName() + "' has no definition");
        }
        List<DetectionFact> facts = new ArrayList<>(evidence.size());
        for (Object o : evidence) {
            if (o instanceof DetectionFact d) {
                facts.add(d);
            }
        }
        if (facts.isEmpty()) {
            return;
        }
        String group = grouping == null ? "" : grouping;
        long accountId = facts.get(0).getAccountId();
        List<Episode> list = episodes.computeIfAbsent(rule.id() + "\u0000" + accountId + "\u0000" + group,
                k -> new ArrayList<>());
        Episode target = null;
        Instant first = earliest(facts);
        Instant last = latest(facts);
        for (Episode e : list) {
            if (e.touches(first, last, rule.episodeGap())) {
                target = e;
                break;
            }
        }
        if (target == null) {
            target = new Episode(rule, accountId, group);
            list.add(target);
        }
        target.add(title, facts);
        markHostDays(kcontext, rule, accountId, facts);
    }

    /** Inserts a PriorIncident for each host and day of these facts that has none yet. */
    private void markHostDays(RuleContext kcontext, RuleDefinition rule, long accountId, List<DetectionFact> facts) {
        Map<HostDay, List<DetectionFact>> byHostDay = new java.util.LinkedHashMap<>();
        for (DetectionFact d : facts) {
            if (d.getHost() != null) {
                HostDay key = new HostDay(accountId, d.getHost(), PriorIncident.dayOf(d.getEventTime()));
                if (!hostDays.contains(key)) {
                    byHostDay.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
                }
            }
        }
        byHostDay.forEach((key, hostFacts) -> {
            hostDays.add(key);
            List<DetectionFact> kept = hostFacts.subList(0, Math.min(hostFacts.size(), MAX_HOST_EVIDENCE));
            kcontext.getKieRuntime().insert(new PriorIncident(accountId, key.host(), rule.id(),
                    earliest(kept), latest(kept), kept));
        });
    }

    private static Instant earliest(List<DetectionFact> facts) {
        return facts.stream().map(DetectionFact::getEventTime).min(Instant::compareTo).orElseThrow();
    }

    private static Instant latest(List<DetectionFact> facts) {
        return facts.stream().map(DetectionFact::getEventTime).max(Instant::compareTo).orElseThrow();
    }

    /** Forgets the episodes last seen before {@code instant}; later evidence starts a new episode. */
    public void forgetBefore(Instant instant) {
        episodes.values().forEach(list -> list.removeIf(e -> e.lastSeen.isBefore(instant)));
        episodes.values().removeIf(List::isEmpty);
    }

    public List<IncidentFinding> findings() {
        return episodes.values().stream().flatMap(List::stream).map(Episode::finding)
                .sorted(java.util.Comparator.comparing(IncidentFinding::firstSeen)
                        .thenComparing(IncidentFinding::ruleId).thenComparingLong(IncidentFinding::accountId)
                        .thenComparing(IncidentFinding::grouping))
                .toList();
    }

    private static final class Episode {
        private final RuleDefinition rule;
        private final long accountId;
        private final String grouping;
        private String title;
        private Instant firstSeen;
        private Instant lastSeen;
        private final TreeSet<String> hosts = new TreeSet<>();
        private final TreeSet<String> addresses = new TreeSet<>();
        private final TreeSet<String> threatNames = new TreeSet<>();
        private final TreeSet<Long> ids = new TreeSet<>();

        Episode(RuleDefinition rule, long accountId, String grouping) {
            this.rule = rule;
            this.accountId = accountId;
            this.grouping = grouping;
        }

        boolean touches(Instant first, Instant last, Duration gap) {
            return !first.isAfter(lastSeen.plus(gap)) && !last.isBefore(firstSeen.minus(gap));
        }

        /**
         * The title follows the latest firing that brings a detection the episode has not seen. A firing that
         * only repeats known evidence does not rename it: as detections leave a window the rule fires again with
         * fewer ("5 detections" after "9"), and the title would then depend on how far the clock got.
         */
        void add(String newTitle, List<DetectionFact> facts) {
            boolean anyNew = false;
            for (DetectionFact d : facts) {
                if (ids.size() < MAX_EVIDENCE || ids.contains(d.getId())) {
                    if (!ids.add(d.getId())) {
                        continue;
                    }
                }
                anyNew = true;
                Instant t = d.getEventTime();
                firstSeen = firstSeen == null || t.isBefore(firstSeen) ? t : firstSeen;
                lastSeen = lastSeen == null || t.isAfter(lastSeen) ? t : lastSeen;
                addIfPresent(hosts, d.getHost());
                addIfPresent(addresses, d.getSrcAddress());
                addIfPresent(addresses, d.getDstAddress());
                addIfPresent(threatNames, d.getThreatName());
            }
            if (anyNew || title == null) {
                title = newTitle;
            }
        }

        IncidentFinding finding() {
            return new IncidentFinding(rule.id(), accountId, grouping, title, rule.severity(), rule.attack(),
                    firstSeen, lastSeen, java.util.Set.copyOf(hosts), java.util.Set.copyOf(addresses),
                    java.util.Set.copyOf(threatNames), java.util.Set.copyOf(ids));
        }

        private static void addIfPresent(TreeSet<String> set, String value) {
            if (value != null && set.size() < 1000) {
                set.add(value);
            }
        }
    }
}
