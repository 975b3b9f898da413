package tmsp.ingest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The read side of stored detections, for correlation and for the evidence of incidents. Nothing outside
 * {@code ingest} queries the detections table itself.
 */
public interface Detections {

    /**
     * Hands the account's detections with {@code from <= eventTime < to} to the consumer one at a time, in
     * event-time order (then by id), without holding them: a server-side cursor, never a list of a day.
     *
     * @return how many were handed over
     */
    long stream(long accountId, Instant from, Instant to, Consumer<StoredDetection> consumer);

    /**
     * Hands {@code count} made-up detections to the consumer through the very reading path of {@link #stream}: rows
     * the database generates (of every threat type, logons among them, on a made-up network of account -1, in
     * event-time order over six hours of 2000-01-01), never stored. What a warm-up reads so that the JIT has
     * compiled this path before the first real run. PostgreSQL only: on H2 (the zero set-up database) none.
     *
     * @return how many were handed over
     */
    long streamMadeUp(int count, Consumer<StoredDetection> consumer);

    /**
     * Hands one upload's (or syslog batch's) detections to the consumer in event-time order: what live
     * correlation reads after {@link DetectionsStored}.
     *
     * @return how many were handed over
     */
    long streamUpload(long accountId, java.util.UUID uploadId, Consumer<StoredDetection> consumer);

    /** The account's detections among {@code ids}, with their raw line, in event-time order; other ids are ignored. */
    List<StoredDetection> byIds(long accountId, Collection<Long> ids);

    /**
     * Like {@link #byIds(long, Collection)}, only detections with {@code from <= eventTime <= to} (both included,
     * as an incident's first and last seen are): the bounds let PostgreSQL skip every other day's partition.
     */
    default List<StoredDetection> byIds(long accountId, Collection<Long> ids, Instant from, Instant to) {
        return byIds(accountId, ids).stream()
                .filter(d -> !d.eventTime().isBefore(from) && !d.eventTime().isAfter(to)).toList();
    }
}
