package tmsp.ingest.internal;

import java.time.Instant;
import tmsp.ingest.ParseOutcome;

/** A syslog message as received and already parsed, waiting to be stored with its batch. */
record SyslogMessage(String text, ParseOutcome outcome, String transport, String sourceAddress, Instant receivedAt) {

    /** Where it came from, as the quarantine shows it: {@code syslog/tcp 10.0.0.5}. */
    String origin() {
        return "syslog/" + transport + " " + sourceAddress;
    }
}
