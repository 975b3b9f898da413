package tmsp.ingest.internal;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tmsp.ingest.LogFormat;
import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.ParseOptions;

/**
 * Finds where the detection starts in a line: right away, after a syslog header, or — for relays that wrap
 * lines in headers of their own — at the first "CEF:n" or "LEEF:n" marker, the skipped text then kept as
 * {@code syslogPrefix}.
 */
final class PayloadLocator {

    private static final Pattern MARKER = Pattern.compile("(?:CEF|LEEF):\\d");

    private PayloadLocator() {
    }

    static Payload locate(String line, Set<LogFormat> accepted, ParseOptions options) {
        String text = line.stripLeading();
        LogFormat direct = formatAt(text);
        if (direct != null) {
            return accept(new Payload(direct, text, Map.of(), null), accepted);
        }
        SyslogHeader header = SyslogHeaderReader.read(text, options);
        if (header != null) {
            String message = header.message().stripLeading();
            LogFormat inner = formatAt(message);
            if (inner != null) {
                return accept(new Payload(inner, message, header.fields(), header), accepted);
            }
        }
        Matcher marker = MARKER.matcher(text);
        while (marker.find()) {
            LogFormat format = text.startsWith("CEF:", marker.start()) ? LogFormat.CEF : LogFormat.LEEF;
            if (accepted.contains(format)) {
                String prefix = text.substring(0, marker.start()).strip();
                return new Payload(format, text.substring(marker.start()), Map.of("syslogPrefix", prefix), null);
            }
        }
        throw new LineRejected(ParseErrorCode.UNKNOWN_FORMAT, "expected " + describe(accepted)
                + ", optionally after a syslog header; the line starts with " + Snippets.quote(text));
    }

    static boolean startsWithPayload(String text) {
        return formatAt(text) != null;
    }

    private static LogFormat formatAt(String text) {
        if (text.startsWith(CefReader.MARKER)) {
            return LogFormat.CEF;
        }
        if (text.startsWith(LeefReader.MARKER)) {
            return LogFormat.LEEF;
        }
        return text.startsWith("{") ? LogFormat.JSON : null;
    }

    private static Payload accept(Payload payload, Set<LogFormat> accepted) {
        if (!accepted.contains(payload.format())) {
            throw new LineRejected(ParseErrorCode.UNKNOWN_FORMAT,
                    "expected " + describe(accepted) + " but the line is " + payload.format());
        }
        return payload;
    }

    private static String describe(Set<LogFormat> accepted) {
        return accepted.size() == LogFormat.values().length ? "CEF, LEEF or a JSON object"
                : accepted.size() == 1 && accepted.contains(LogFormat.JSON) ? "a JSON object"
                : String.join(" or ", accepted.stream().map(LogFormat::name).toList());
    }
}
