package tmsp.ingest.internal;

import java.time.Instant;
import java.util.UUID;
import tmsp.ingest.Detection;

/** Where an upload's detections go, row by row, inside the upload's transaction. */
interface DetectionSink extends AutoCloseable {

    /** The fixed values of every row of one upload. */
    record Batch(UUID uploadId, long accountId, long productId, Instant receivedAt) {
    }

    void add(Detection detection);

    /** Ends the batch; @return the number of rows written */
    long finish();

    /** Abandons an unfinished batch. */
    @Override
    void close();
}
