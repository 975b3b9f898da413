package tmsp.incident;

import java.time.Instant;

/** How many incidents an account had, for the incident volume monitor of notifications. */
public interface IncidentCounts {

    /** The account's incidents first seen in {@code [from, to)}, not counting suppressed ones. */
    long firstSeenBetween(long accountId, Instant from, Instant to);
}
