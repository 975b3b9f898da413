package tmsp.ingest.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tmsp.ingest.Detection;
import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.ParseOptions;

/**
 * Reads LEEF 1.0 ({@code LEEF:1.0|Vendor|Product|Version|EventID|} then tab-separated key=value) and
 * LEEF 2.0 ({@code LEEF:2.0|Vendor|Product|Version|EventID|Delimiter|} then key=value separated by that
 * delimiter). The 2.0 delimiter field is optional, as in the specification: a sixth field that is followed by
 * '|' and holds no '=' is the delimiter; otherwise the attributes start right after the event id, tab-separated.
 * LEEF has no escapes: a value runs to the next delimiter and may contain '='.
 */
final class LeefReader {

    static final String MARKER = "LEEF:";
    private static final int COMMON_FIELDS = 5;

    private LeefReader() {
    }

    static void read(String body, Detection.Builder builder, ParseOptions options) {
        PipeHeader header = PipeHeader.read(body, MARKER.length(), COMMON_FIELDS);
        if (!header.complete(COMMON_FIELDS)) {
            throw new LineRejected(ParseErrorCode.LEEF_BAD_HEADER, "the LEEF header has " + header.fields().size()
                    + " of its " + COMMON_FIELDS + " '|'-terminated fields");
        }
        List<String> fields = header.fields();
        String version = fields.get(0).strip();
        String rest = body.substring(header.end());
        char delimiter = LeefDelimiter.DEFAULT;
        if (version.equals("2.0") || version.equals("2")) {
            int pipe = rest.indexOf('|');
            if (pipe >= 0 && rest.lastIndexOf('=', pipe) < 0) {
                String spec = rest.substring(0, pipe);
                delimiter = spec.isEmpty() ? LeefDelimiter.DEFAULT : LeefDelimiter.parse(spec);
                rest = rest.substring(pipe + 1);
            }
        } else if (!version.equals("1.0") && !version.equals("1")) {
            throw new LineRejected(ParseErrorCode.LEEF_BAD_VERSION,
                    "LEEF version " + Snippets.quote(version) + " is not 1.0 or 2.0");
        }
        builder.vendor(CefReader.blankToNull(fields.get(1)))
                .product(CefReader.blankToNull(fields.get(2)))
                .productVersion(CefReader.blankToNull(fields.get(3)))
                .eventId(CefReader.blankToNull(fields.get(4)));

        Map<String, String> attributes = attributes(rest, delimiter, options);
        Set<String> taken = new HashSet<>();
        readTime(attributes, builder, options, taken);
        String severity = attributes.get("sev");
        if (severity != null && !severity.isBlank()) {
            builder.severity(SeverityText.parse(severity, "sev"));
            taken.add("sev");
        }
        AttributeMapper.map(attributes, taken, FieldSources.LEEF, builder);
    }

    private static Map<String, String> attributes(String text, char delimiter, ParseOptions options) {
        Map<String, String> attributes = new LinkedHashMap<>();
        int count = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(delimiter, start);
            if (end < 0) {
                end = text.length();
            }
            if (!isBlank(text, start, end)) {
                int equals = text.indexOf('=', start);
                if (equals < 0 || equals >= end) {
                    throw new LineRejected(ParseErrorCode.LEEF_BAD_ATTRIBUTE, "LEEF attribute "
                            + Snippets.quote(text.substring(start, end)) + " has no '='");
                }
                String key = text.substring(start, equals).strip();
                checkKey(key, options);
                if (++count > options.maxKeys()) {
                    throw new LineRejected(ParseErrorCode.TOO_MANY_KEYS, "more than " + options.maxKeys() + " keys");
                }
                attributes.put(key, text.substring(equals + 1, end));
            }
            start = end + 1;
        }
        return attributes;
    }

    /** Empty and blank pieces (doubled or trailing delimiters) carry nothing and are skipped. */
    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void checkKey(String key, ParseOptions options) {
        if (key.isEmpty() || key.indexOf(' ') >= 0 || key.indexOf('\t') >= 0) {
            throw new LineRejected(ParseErrorCode.LEEF_BAD_ATTRIBUTE,
                    "LEEF key " + Snippets.quote(key) + " is empty or contains white space");
        }
        if (key.length() > options.maxKeyLength()) {
            throw new LineRejected(ParseErrorCode.KEY_TOO_LONG,
                    "key " + Snippets.quote(key) + " is longer than " + options.maxKeyLength());
        }
    }

    private static void readTime(Map<String, String> attributes, Detection.Builder builder, ParseOptions options,
                                 Set<String> taken) {
        String time = attributes.get("devTime");
        if (time == null || time.isBlank()) {
            return;
        }
        String format = attributes.get("devTimeFormat");
        if (format == null || format.isBlank()) {
            builder.eventTime(EventTimes.parse(time, "devTime", options));
        } else {
            builder.eventTime(DevTimeFormats.parse(time, format, options));
            taken.add("devTimeFormat");
        }
        taken.add("devTime");
    }
}
