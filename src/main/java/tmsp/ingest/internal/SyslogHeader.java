package tmsp.ingest.internal;

import java.time.Instant;
import java.util.Map;
import tmsp.ingest.ParseOptions;

/**
 * What a syslog header in front of a detection said. Only kept as extra fields (and as the event time when
 * the detection has none); receiving syslog is the transport's job, not the parser's.
 *
 * @param fields    {@code syslogPriority}, {@code syslogTimestamp}, {@code syslogHost}, ... in header order
 * @param timestamp the header's time as written, or null
 * @param options   how to read it
 * @param message   the text after the header
 */
record SyslogHeader(Map<String, String> fields, String timestamp, ParseOptions options, String message) {

    /**
     * The header's time, or null when absent or unreadable. Read only when asked: most detections carry a time
     * of their own, and reading a date is a fifth of parsing a line.
     */
    Instant time() {
        return timestamp == null ? null : EventTimes.syslogTime(timestamp, options);
    }
}
