package tmsp.ingest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tmsp.ingest.ParseOptions;

/**
 * Recognises the header of RFC 5424 ({@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG}) and RFC 3164
 * ({@code <PRI>Mmm dd hh:mm:ss HOST TAG: MSG}) messages. Appliances and relays bend 3164 a lot, so the priority,
 * the host and the tag are each optional there; the header must at least have a priority or a timestamp.
 */
final class SyslogHeaderReader {

    private static final Pattern PRIORITY = Pattern.compile("<(\\d{1,3})>");
    private static final Pattern RFC5424_VERSION = Pattern.compile("([1-9]\\d?) ");
    private static final Pattern RFC3164_TIME = Pattern.compile(
            "[A-Z][a-z]{2} {1,2}\\d{1,2}(?: \\d{4})? \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?= )");
    private static final Pattern RFC3339_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.+\\-Z]{8,40}(?= )");
    private static final Pattern TAG = Pattern.compile("[^\\s:\\[\\]]{1,48}(?:\\[[^\\]\\s]{0,32}])?: ?");
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String NIL = "-";
    private static final int MAX_PRIORITY = 191;

    private SyslogHeaderReader() {
    }

    /** The header of {@code line}, or null when the line does not start with one. */
    static SyslogHeader read(String line, ParseOptions options) {
        Map<String, String> fields = new LinkedHashMap<>();
        int pos = 0;
        Matcher priority = PRIORITY.matcher(line);
        if (priority.lookingAt()) {
            if (Integer.parseInt(priority.group(1)) > MAX_PRIORITY) {
                return null;
            }
            fields.put("syslogPriority", priority.group(1));
            pos = priority.end();
            Matcher version = RFC5424_VERSION.matcher(line).region(pos, line.length());
            if (version.lookingAt()) {
                return rfc5424(line, version.end(), fields, options);
            }
        }
        return rfc3164(line, pos, fields, options);
    }

    private static SyslogHeader rfc5424(String line, int start, Map<String, String> fields, ParseOptions options) {
        String[] names = {"syslogTimestamp", "syslogHost", "syslogAppName", "syslogProcId", "syslogMsgId"};
        int pos = start;
        String timestamp = null;
        for (String name : names) {
            int space = line.indexOf(' ', pos);
            if (space <= pos) {
                return null;
            }
            String token = line.substring(pos, space);
            if (!token.equals(NIL)) {
                fields.put(name, token);
            }
            if (timestamp == null) {
                timestamp = token;
            }
            pos = space + 1;
        }
        int dataEnd = structuredDataEnd(line, pos);
        if (dataEnd < 0) {
            return null;
        }
        String data = line.substring(pos, dataEnd);
        if (!data.equals(NIL)) {
            fields.put("syslogStructuredData", data);
        }
        String message = dataEnd < line.length() ? line.substring(dataEnd + 1) : "";
        if (!message.isEmpty() && message.charAt(0) == BYTE_ORDER_MARK) {
            message = message.substring(1);
        }
        return new SyslogHeader(fields, timestamp.equals(NIL) ? null : timestamp, options, message);
    }

    /** End of the STRUCTURED-DATA field ("-" or [id param="value"]...), or -1 when it is malformed. */
    private static int structuredDataEnd(String line, int start) {
        if (line.startsWith(NIL, start)) {
            int end = start + 1;
            return end == line.length() || line.charAt(end) == ' ' ? end : -1;
        }
        int pos = start;
        while (pos < line.length() && line.charAt(pos) == '[') {
            boolean quoted = false;
            pos++;
            while (pos < line.length() && (quoted || line.charAt(pos) != ']')) {
                char c = line.charAt(pos);
                if (quoted && c == '\\') {
                    pos++;
                } else if (c == '"') {
                    quoted = !quoted;
                }
                pos++;
            }
            if (pos >= line.length()) {
                return -1;
            }
            pos++; // past ']'
        }
        return pos > start && (pos == line.length() || line.charAt(pos) == ' ') ? pos : -1;
    }

    private static SyslogHeader rfc3164(String line, int start, Map<String, String> fields, ParseOptions options) {
        int pos = start;
        String time = null;
        Matcher timestamp = firstMatch(line, pos, RFC3164_TIME, RFC3339_TIME);
        if (timestamp != null) {
            fields.put("syslogTimestamp", timestamp.group());
            time = timestamp.group();
            pos = timestamp.end() + 1;
        } else if (fields.isEmpty()) {
            return null; // neither priority nor timestamp: not a syslog header
        }
        String rest = line.substring(pos);
        if (!PayloadLocator.startsWithPayload(rest)) {
            int space = rest.indexOf(' ');
            if (space > 0 && !PayloadLocator.startsWithPayload(rest.substring(0, space))) {
                fields.put("syslogHost", rest.substring(0, space));
                rest = rest.substring(space + 1);
            }
            Matcher tag = TAG.matcher(rest);
            if (!PayloadLocator.startsWithPayload(rest) && tag.lookingAt()) {
                fields.put("syslogTag", rest.substring(0, tag.end()).strip());
                rest = rest.substring(tag.end());
            }
        }
        return new SyslogHeader(fields, time, options, rest);
    }

    private static Matcher firstMatch(String line, int start, Pattern... patterns) {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(line).region(start, line.length());
            if (matcher.lookingAt()) {
                return matcher;
            }
        }
        return null;
    }
}
