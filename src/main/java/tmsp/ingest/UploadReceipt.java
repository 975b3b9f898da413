package tmsp.ingest;

import java.util.UUID;

/** The answer to an upload: {@code {uploadId, accepted, rejected}}; a retry gets the first one again. */
public record UploadReceipt(UUID uploadId, int accepted, int rejected, boolean replayed) {
}
