package tmsp.ingest;

import java.time.Instant;

/**
 * A detection as stored, read back through {@link Detections}. Text fields are null where the line did not
 * carry them. {@code user}, {@code application}, {@code protocol} and {@code malwareType} come from the stored
 * extension keys (CEF {@code suser}/{@code duser}, LEEF {@code usrName}; {@code app}; {@code proto};
 * {@code malType}). {@code raw} is only filled by {@link Detections#byIds}: correlation never needs it.
 */
public record StoredDetection(
        long id,
        long accountId,
        long productId,
        Instant eventTime,
        Severity severity,
        String eventName,
        String threatType,
        String threatName,
        String malwareType,
        String ruleName,
        String action,
        String sourceAddress,
        String sourceHost,
        Integer sourcePort,
        String destinationAddress,
        String destinationHost,
        Integer destinationPort,
        String interestedAddress,
        String peerAddress,
        String fileName,
        String fileHash,
        String url,
        Direction direction,
        String attackPhase,
        String user,
        String application,
        String protocol,
        long count,
        String raw) {
}
