package tmsp.incident.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incidents one recording may join, by rule and grouping, loaded with one query. Asking the database per
 * finding made Hibernate dirty-check every incident already loaded before each query: a live batch of a few
 * thousand findings cost the square of that (most of the live correlation thread's time).
 */
final class EpisodeIndex {

    private static final Comparator<Incident> EARLIEST =
            Comparator.comparing(Incident::firstSeen).thenComparing(Incident::id);

    private record Key(String ruleId, String grouping) {
    }

    private final Map<Key, List<Incident>> byKey = new HashMap<>();

    EpisodeIndex(List<Incident> incidents) {
        incidents.forEach(this::add);
    }

    void add(Incident incident) {
        byKey.computeIfAbsent(new Key(incident.ruleId(), incident.grouping()), k -> new ArrayList<>()).add(incident);
    }

    /** The earliest incident of the rule and grouping whose span, as it is now, reaches into {@code [from, to]}. */
    Optional<Incident> earliestNear(String ruleId, String grouping, Instant from, Instant to) {
        return byKey.getOrDefault(new Key(ruleId, grouping), List.of()).stream()
                .filter(i -> !i.lastSeen().isBefore(from) && !i.firstSeen().isAfter(to))
                .min(EARLIEST);
    }
}
