package tmsp.correlation.authoring.backtest;

import java.time.Instant;
import tmsp.ingest.StoredDetection;

/** A detection behind a tested incident, with the fields a person looks at first; for pasted lines id is the line number. */
public record EvidenceDetection(long id, Instant eventTime, String severity, String eventName, String threatName,
                                String srcAddress, String srcHost, String dstAddress, String dstHost, String action) {

    static EvidenceDetection of(StoredDetection d) {
        return new EvidenceDetection(d.id(), d.eventTime(), d.severity().name().toLowerCase(java.util.Locale.ROOT),
                d.eventName(), d.threatName(), d.sourceAddress(), d.sourceHost(), d.destinationAddress(),
                d.destinationHost(), d.action());
    }
}
