package tmsp.ingest.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much one upload may carry and how many run at once. Past {@code maxConcurrentUploads} an upload is
 * refused with 503 and Retry-After rather than queued: an appliance retries, the portal stays up.
 */
@ConfigurationProperties("tmsp.ingest")
record IngestLimits(DataSize maxBody, DataSize maxDecompressed, int maxLineLength, int maxConcurrentUploads,
                    int retryAfterSeconds) {
}
