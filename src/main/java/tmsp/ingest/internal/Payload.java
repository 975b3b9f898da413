package tmsp.ingest.internal;

import java.time.Instant;
import java.util.Map;
import tmsp.ingest.LogFormat;

/**
 * The detection text inside a line and what came before it.
 *
 * @param format       the format the text starts with
 * @param body         the text from its format marker ("CEF:", "LEEF:", "{") on
 * @param prefixFields syslog header fields (or the unreadable prefix) to keep in the extra map
 * @param header       the syslog header in front of it, or null
 */
record Payload(LogFormat format, String body, Map<String, String> prefixFields, SyslogHeader header) {

    /** The syslog header's time, or null. */
    Instant prefixTime() {
        return header == null ? null : header.time();
    }
}
