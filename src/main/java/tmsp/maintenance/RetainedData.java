package tmsp.maintenance;

import java.time.Instant;
import java.time.Period;

/**
 * One kind of stored data that log maintenance keeps for a while and then purges (detection logs, quarantined
 * lines, incidents, reports, system logs...). The module that owns the data implements this as a bean; log
 * maintenance finds every such bean, keeps its retention setting and calls it: it never touches the owner's
 * tables itself.
 */
public interface RetainedData {

    /**
     * Stable identifier of the kind, e.g. {@code detections}: the key of its retention setting and of its label
     * ({@code maintenance.kind.<kind>} in the messages).
     */
    String kind();

    /** How long the data is kept until an administrator chooses otherwise. */
    Period defaultRetention();

    /** The storage this kind uses now, in bytes (table, indexes and files), for the storage overview. */
    long storageBytes();

    /**
     * Removes everything of this kind older than {@code cutoff} and returns how many items (rows, files, day
     * partitions...) went. Idempotent and safe to run while data keeps arriving.
     */
    long purgeOlderThan(Instant cutoff);
}
