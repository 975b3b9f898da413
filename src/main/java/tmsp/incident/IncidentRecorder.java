package tmsp.incident;

import java.util.List;

/** Turns one account's correlation findings into incidents. */
public interface IncidentRecorder {

    /**
     * Upserts by key: a finding that overlaps an incident of the same rule, account and grouping (within the
     * rule's episode) adds its evidence to it and widens its first and last seen; any other becomes a new
     * incident whose key is rule, account, grouping and the first seen of its episode. Idempotent: recording
     * the same findings again changes nothing.
     *
     * @param episodeGaps per rule id, how far apart in time two findings of one grouping are still one episode
     */
    Recorded record(long accountId, List<IncidentFinding> findings, java.util.Map<String, java.time.Duration> episodeGaps);

    /** How many incidents a call created and how many existing ones gained evidence. */
    record Recorded(int raised, int updated) {
    }
}
