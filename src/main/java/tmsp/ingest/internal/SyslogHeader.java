package tmsp.ingest.internal;

import java.time.Instant;
import java.util.Map;

/**
 * What a syslog header in front of a detection said. Only kept as extra fields (and as the event time when
 * the detection has none); receiving syslog is the transport's job, not the parser's.
 *
 * @param fields  {@code syslogPriority}, {@code syslogTimestamp}, {@code syslogHost}, ... in header order
 * @param time    the header's time, or null when absent or unreadable
 * @param message the text after the header
 */
record SyslogHeader(Map<String, String> fields, Instant time, String message) {
}
