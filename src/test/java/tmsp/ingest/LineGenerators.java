package tmsp.ingest;

import static tmsp.support.Draw.between;
import static tmsp.support.Draw.frequencyOf;
import static tmsp.support.Draw.listOf;
import static tmsp.support.Draw.oneOf;
import static tmsp.support.Draw.string;
import static tmsp.support.Draw.weight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import tmsp.ingest.internal.CefEscaping;

/**
 * Generated log lines for the generated-input tests, each drawn from a seeded {@link Random} so that the same
 * seed gives the same line: valid lines shaped like real appliance output, the same lines broken by mutations
 * (truncation, flipped characters, inserted separators, escapes, control characters, broken surrogates, huge
 * values, key floods), and plain random text.
 */
final class LineGenerators {

    static final int BATCH = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> CEF_TEXT_KEYS = List.of("act", "msg", "shost", "dhost", "fname", "fileHash",
            "request", "malType", "ptype", "ruleName", "ruleId", "threatName", "deviceExternalId", "deviceGUID",
            "cs1", "cs2", "cs3", "cs6", "cn3", "dvchost", "suser", "cat", "app", "pAttackPhase", "smac", "dmac");
    /** Labels for text-valued custom fields; address labels are left out because they demand an address. */
    private static final List<String> LABELS = List.of("ThreatType", "malName", "Threat Type", "PolicyCategory",
            "AttackPhase", "act", "cs2", "x");
    private static final List<String> LEEF_TEXT_KEYS = List.of("cat", "usrName", "name", "action", "url",
            "srcMAC", "dstMAC", "identHostName", "policy", "resource", "msg", "ruleName");
    private static final List<String> SYSLOG_HEADERS = List.of("", "<134>Mar  9 17:05:21 ddi01 ",
            "<13>May 15 16:00:47 h app[7]: ", "<165>1 2024-05-20T10:11:12.003+02:00 host app 12 ID [x a=\"b\\]\"] ",
            "<14>1 - - - - - - ", "May 15 16:00:47 localhost ");

    private LineGenerators() {
    }

    // ----- valid lines -----

    static String cefLine(Random r) {
        String header = "CEF:0|" + headerText(r) + "|" + headerText(r) + "|" + headerText(r) + "|"
                + between(r, 100000, 999999) + "|" + headerText(r) + "|" + severity(r) + "|";
        return header + String.join(" ", listOf(r, 14, () -> cefPair(r)));
    }

    private static String cefPair(Random r) {
        return frequencyOf(r,
                weight(6, () -> oneOf(r, CEF_TEXT_KEYS) + "=" + CefEscaping.escapeExtensionValue(text(r))),
                weight(2, () -> oneOf(r, "src", "dst", "interestedIp", "peerIp") + "=" + ip(r)),
                weight(2, () -> {
                    String key = oneOf(r, "spt", "dpt", "cnt", "deviceDirection");
                    String value = port(r);
                    return key + "=" + (key.equals("deviceDirection") ? value.length() % 3 : value);
                }),
                weight(1, () -> "rt=" + time(r)),
                weight(2, () -> oneOf(r, "cs1", "cs2", "cn3", "c6a2") + "Label=" + oneOf(r, LABELS)));
    }

    static String leefLine(Random r) {
        String version = oneOf(r, "1.0", "2.0");
        char delimiter = oneOf(r, '\t', '^', '|', '#', '~', ';');
        String form = oneOf(r, "char", "hex", "none");
        String vendor = plainHeaderText(r);
        String product = plainHeaderText(r);
        List<String> attributes = listOf(r, 12, () -> leefAttribute(r));

        char sep = version.equals("1.0") || form.equals("none") ? '\t' : delimiter;
        String delimiterField = version.equals("1.0") || form.equals("none") ? ""
                : (form.equals("hex") || sep == '|' || sep == '\t' ? String.format("x%02X", (int) sep)
                : String.valueOf(sep)) + "|";
        StringBuilder line = new StringBuilder("LEEF:" + version + "|" + vendor + "|" + product
                + "|1.0|EV42|" + delimiterField);
        for (int i = 0; i < attributes.size(); i++) {
            String attribute = attributes.get(i);
            line.append(i == 0 ? "" : String.valueOf(sep))
                    .append(attribute.replace(String.valueOf(sep), "").replace("\t", ""));
        }
        return line.toString();
    }

    static String jsonLine(Random r) {
        Map<String, Object> object = new LinkedHashMap<>();
        listOf(r, 12, () -> jsonField(r)).forEach(entry -> object.putIfAbsent(entry.getKey(), entry.getValue()));
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map.Entry<String, Object> jsonField(Random r) {
        return frequencyOf(r,
                weight(3, () -> Map.entry(oneOf(r, "threatName", "threatType", "vendor", "action", "url",
                        "fileName", "ruleId", "attackPhase", "deviceExternalId"), text(r))),
                weight(2, () -> Map.entry(oneOf(r, "sourceAddress", "destinationAddress", "peerAddress"), ip(r))),
                weight(1, () -> Map.entry("sourcePort", between(r, 0, 65535))),
                weight(1, () -> Map.entry("severity", oneOf(r, "High", "low", "Very-High", "2", "10"))),
                weight(1, () -> Map.entry("eventTime", between(r, 0, 4_102_444_800_000L))),
                weight(1, () -> Map.entry("direction", oneOf(r, "inbound", "outbound"))),
                weight(2, () -> Map.entry(string(r, 1, 12, () -> alpha(r)), text(r))));
    }

    /** Any of the three formats, most of them behind an RFC 5424 or RFC 3164 syslog header or a relay's prefix. */
    static String anyFormatLine(Random r) {
        if (r.nextBoolean()) {
            // a prefix that is no syslog header is skipped only up to a CEF or LEEF marker, never up to '{'
            String prefix = r.nextBoolean() ? oneOf(r, SYSLOG_HEADERS) : oneOf(r, "relay 4465 ", "x: ");
            return prefix + (r.nextBoolean() ? cefLine(r) : leefLine(r));
        }
        return oneOf(r, SYSLOG_HEADERS) + jsonLine(r);
    }

    // ----- broken lines -----

    /**
     * A batch of {@link #BATCH} lines: one valid line, {@code BATCH - 2} mutations of it and one piece of random
     * text after a format marker, all drawn from {@code r}.
     */
    static List<String> hostileBatch(Random r, Function<Random, String> valid, String marker) {
        String line = valid.apply(r);
        Mutator mutator = new Mutator(r.nextLong());
        List<String> batch = new ArrayList<>(BATCH);
        batch.add(line);
        for (int i = 0; i < BATCH - 2; i++) {
            batch.add(mutator.mutate(line));
        }
        batch.add(mutator.randomText(marker));
        return batch;
    }

    // ----- values -----

    private static String text(Random r) {
        return frequencyOf(r,
                weight(3, () -> string(r, 0, 24, () -> r.nextInt(' ', '~' + 1))),
                weight(1, () -> string(r, 0, 24, () -> textChar(r))),
                weight(1, () -> oneOf(r, "Tomb Raider.rar", "HEUR_NAMETRICK.A", "http://x/?a=b&c=d",
                        "C:\\Windows\\System32", "Deception, social engineering", "")));
    }

    /** Printable ASCII, Latin and Cyrillic letters and the characters the formats treat specially, a third each. */
    private static char textChar(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> (char) r.nextInt(' ', '~' + 1);
            case 1 -> (char) r.nextInt('\u00a0', '\u04ff' + 1);
            default -> oneOf(r, '\t', '\n', '\r', '\\', '=', '|', '中', '文');
        };
    }

    private static String headerText(Random r) {
        return CefEscaping.escapeHeaderField(text(r).replace("\n", "").replace("\r", ""));
    }

    /** Printable ASCII without '|' and '\', half of it spaces. */
    private static String plainHeaderText(Random r) {
        return string(r, 0, 20, () -> r.nextBoolean() ? ' ' : r.nextInt('!', '~' + 1))
                .replace("|", "").replace("\\", "");
    }

    private static char alpha(Random r) {
        return (char) (r.nextBoolean() ? r.nextInt('a', 'z' + 1) : r.nextInt('A', 'Z' + 1));
    }

    private static String leefAttribute(Random r) {
        return frequencyOf(r,
                weight(5, () -> oneOf(r, LEEF_TEXT_KEYS) + "=" + oneLine(text(r))),
                weight(2, () -> oneOf(r, "src", "dst") + "=" + ip(r)),
                weight(2, () -> oneOf(r, "srcPort", "dstPort") + "=" + port(r)),
                weight(1, () -> "sev=" + between(r, 1, 10)),
                weight(1, () -> oneOf(r, "devTime=1425891921000", "devTime=May 01 2024 10:00:00",
                        "devTime=2024-05-01T10:00:00+02:00")));
    }

    private static String oneLine(String text) {
        return text.replace("\n", " ").replace("\r", " ");
    }

    private static String severity(Random r) {
        return oneOf(r, "0", "2", "4", "6", "8", "10", "Low", "High", "Very-High", "Unknown");
    }

    private static String ip(Random r) {
        return frequencyOf(r,
                weight(4, () -> between(r, 0, 255) + "." + between(r, 0, 255) + "." + between(r, 0, 255) + "."
                        + between(r, 0, 255)),
                weight(1, () -> oneOf(r, "2001:db8::1", "::1", "fe80::1%eth0", "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8")));
    }

    private static String port(Random r) {
        return String.valueOf(between(r, 0, 65535));
    }

    private static String time(Random r) {
        return frequencyOf(r,
                weight(2, () -> String.valueOf(between(r, 0, 4_102_444_800_000L))),
                weight(1, () -> oneOf(r, "Mar 09 2015 17:05:21 GMT+08:00", "Mar 09 2015 17:05:21.123",
                        "Dec 31 23:59:59", "2015-03-09T17:05:21Z", "Feb 29 2024 00:00:00 CET")));
    }
}
