package tmsp.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.incident.IncidentCounts;

/**
 * Too many or too few incidents over the monitored days. It notifies when the account crosses into "too many"
 * or "too few", once: the level last seen is kept, and back to normal notifies nobody.
 */
@Service
class IncidentVolumeCheck {

    static final String SUBJECT = "incident-volume";
    static final String NORMAL = "NORMAL";

    private final IncidentCounts counts;
    private final NotificationSettingsStore settings;
    private final NotificationStates states;
    private final NotificationOccurrences occurrences;

    IncidentVolumeCheck(IncidentCounts counts, NotificationSettingsStore settings, NotificationStates states,
                        NotificationOccurrences occurrences) {
        this.counts = counts;
        this.settings = settings;
        this.states = states;
        this.occurrences = occurrences;
    }

    /** @return the level now: {@code NORMAL} or the event type's name */
    @Transactional
    String check(long accountId) {
        NotificationSettings current = settings.current();
        Instant now = Instant.now();
        long count = counts.firstSeenBetween(accountId, now.minus(Duration.ofDays(current.incidentWindowDays())), now);
        NotificationEventType crossed = count > current.tooManyIncidents() ? NotificationEventType.TOO_MANY_INCIDENTS
                : count < current.tooFewIncidents() ? NotificationEventType.TOO_FEW_INCIDENTS : null;
        String level = crossed == null ? NORMAL : crossed.name();
        if (level.equals(states.get(accountId, SUBJECT).orElse(NORMAL))) {
            return level;
        }
        states.set(accountId, SUBJECT, level);
        if (crossed != null) {
            int threshold = crossed == NotificationEventType.TOO_MANY_INCIDENTS ? current.tooManyIncidents()
                    : current.tooFewIncidents();
            occurrences.raise(accountId, crossed, "incident-volume:" + accountId + ":" + level + ":" + now.toEpochMilli(),
                    Map.of("count", String.valueOf(count), "days", String.valueOf(current.incidentWindowDays()),
                            "threshold", String.valueOf(threshold)));
        }
        return level;
    }
}
