package tmsp.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * An upload or a syslog batch of a product committed its detections; published inside the storing
 * transaction, so listeners that must see the rows listen after commit. Read them with
 * {@link Detections#streamUpload}.
 */
public record DetectionsStored(long accountId, long productId, UUID uploadId, long count, Instant storedAt) {
}
