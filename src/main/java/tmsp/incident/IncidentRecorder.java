package tmsp.incident;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns one account's correlation findings into incidents. */
public interface IncidentRecorder {

    /**
     * Upserts by key: a finding that overlaps an incident of the same rule, account and grouping (within the
     * rule's episode) adds its evidence to it and widens its first and last seen; any other becomes a new
     * incident whose key is rule, account, grouping and the first seen of its episode. Idempotent: recording
     * the same findings again changes nothing. No finding is suppressed.
     *
     * @param episodeGaps per rule id, how far apart in time two findings of one grouping are still one episode
     */
    Recorded record(long accountId, List<IncidentFinding> findings, Map<String, Duration> episodeGaps);

    /**
     * The same, with the verdict of the rule exceptions: an incident whose findings of this call are all
     * suppressed is stored suppressed (kept, hidden by default, never announced by an {@link
     * IncidentEvents.IncidentRaised}); otherwise it is stored not suppressed. The latest call's verdict is the one
     * stored, so a rerun with another rule set version can suppress an incident or bring it back.
     *
     * @param suppression the exception that suppresses a finding, or null when none does
     */
    Recorded record(long accountId, List<IncidentFinding> findings, Map<String, Duration> episodeGaps,
                    Function<IncidentFinding, IncidentSuppression> suppression);

    /**
     * @param raised     new incidents that are not suppressed
     * @param updated    existing incidents that gained evidence or changed their verdict
     * @param suppressed incidents of the call stored as suppressed (new or existing)
     */
    record Recorded(int raised, int updated, int suppressed) {

        public Recorded(int raised, int updated) {
            this(raised, updated, 0);
        }
    }
}
