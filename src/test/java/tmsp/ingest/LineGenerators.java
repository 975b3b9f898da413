package tmsp.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tmsp.ingest.internal.CefEscaping;

/**
 * Generated log lines for the property tests: valid lines shaped like real appliance output, the same lines
 * broken by mutations (truncation, flipped characters, inserted separators, escapes, control characters, broken
 * surrogates, huge values, key floods), and plain random text.
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

    private LineGenerators() {
    }

    // ----- valid lines -----

    static Arbitrary<String> cefLines() {
        Arbitrary<String> header = Combinators.combine(headerText(), headerText(), headerText(),
                        Arbitraries.integers().between(100000, 999999), headerText(), severities())
                .as((vendor, product, version, id, name, severity) -> "CEF:0|" + vendor + "|" + product + "|"
                        + version + "|" + id + "|" + name + "|" + severity + "|");
        Arbitrary<String> pair = Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(Arbitraries.of(CEF_TEXT_KEYS), text())
                        .as((key, value) -> key + "=" + CefEscaping.escapeExtensionValue(value))),
                Tuple.of(2, Combinators.combine(Arbitraries.of("src", "dst", "interestedIp", "peerIp"), ip())
                        .as((key, value) -> key + "=" + value)),
                Tuple.of(2, Combinators.combine(Arbitraries.of("spt", "dpt", "cnt", "deviceDirection"), port())
                        .as((key, value) -> key + "=" + (key.equals("deviceDirection") ? value.length() % 3 : value))),
                Tuple.of(1, time().map(value -> "rt=" + value)),
                Tuple.of(2, Combinators.combine(Arbitraries.of("cs1", "cs2", "cn3", "c6a2"), Arbitraries.of(LABELS))
                        .as((key, label) -> key + "Label=" + label)));
        return Combinators.combine(header, pair.list().ofMaxSize(14))
                .as((head, pairs) -> head + String.join(" ", pairs));
    }

    static Arbitrary<String> leefLines() {
        Arbitrary<Character> delimiter = Arbitraries.of('\t', '^', '|', '#', '~', ';');
        return Combinators.combine(Arbitraries.of("1.0", "2.0"), delimiter, Arbitraries.of("char", "hex", "none"),
                        plainHeaderText(), plainHeaderText(), leefAttributes().list().ofMaxSize(12))
                .as((version, delim, form, vendor, product, attributes) -> {
                    char sep = version.equals("1.0") || form.equals("none") ? '\t' : delim;
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
                });
    }

    static Arbitrary<String> jsonLines() {
        Arbitrary<Map.Entry<String, Object>> field = Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(Arbitraries.of("threatName", "threatType", "vendor", "action", "url",
                        "fileName", "ruleId", "attackPhase", "deviceExternalId"), text()).as(Map::entry)),
                Tuple.of(2, Combinators.combine(Arbitraries.of("sourceAddress", "destinationAddress", "peerAddress"),
                        ip()).as(Map::entry)),
                Tuple.of(1, Arbitraries.integers().between(0, 65535).map(port -> Map.entry("sourcePort", port))),
                Tuple.of(1, Arbitraries.of("High", "low", "Very-High", "2", "10").map(s -> Map.entry("severity", s))),
                Tuple.of(1, Arbitraries.longs().between(0, 4_102_444_800_000L).map(t -> Map.entry("eventTime", t))),
                Tuple.of(1, Arbitraries.of("inbound", "outbound").map(d -> Map.entry("direction", d))),
                Tuple.of(2, Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), text())
                        .as(Map::entry)));
        return field.list().ofMaxSize(12).map(fields -> {
            Map<String, Object> object = new LinkedHashMap<>();
            fields.forEach(entry -> object.putIfAbsent(entry.getKey(), entry.getValue()));
            try {
                return JSON.writeValueAsString(object);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Any of the three formats, most of them behind an RFC 5424 or RFC 3164 syslog header or a relay's prefix. */
    static Arbitrary<String> anyFormatLines() {
        Arbitrary<String> syslogHeader = Arbitraries.of("", "<134>Mar  9 17:05:21 ddi01 ",
                "<13>May 15 16:00:47 h app[7]: ", "<165>1 2024-05-20T10:11:12.003+02:00 host app 12 ID [x a=\"b\\]\"] ",
                "<14>1 - - - - - - ", "May 15 16:00:47 localhost ");
        // a prefix that is no syslog header is skipped only up to a CEF or LEEF marker, never up to '{'
        Arbitrary<String> anyPrefix = Arbitraries.oneOf(syslogHeader, Arbitraries.of("relay 4465 ", "x: "));
        return Arbitraries.oneOf(
                Combinators.combine(anyPrefix, Arbitraries.oneOf(cefLines(), leefLines())).as(String::concat),
                Combinators.combine(syslogHeader, jsonLines()).as(String::concat));
    }

    // ----- broken lines -----

    /**
     * Batches of {@link #BATCH} lines: one valid line, {@code BATCH - 2} mutations of it and one piece of random
     * text after a format marker. jqwik generates the valid line and a seed; the mutations are drawn from a
     * random generator with that seed, so every batch is reproducible from jqwik's seed. Drawing them through
     * jqwik list arbitraries instead cost ten times more than parsing the lines.
     */
    static Arbitrary<List<String>> hostileBatches(Arbitrary<String> valid, String marker) {
        return Combinators.combine(valid, Arbitraries.longs()).as((line, seed) -> {
            Mutator mutator = new Mutator(seed);
            List<String> batch = new ArrayList<>(BATCH);
            batch.add(line);
            for (int i = 0; i < BATCH - 2; i++) {
                batch.add(mutator.mutate(line));
            }
            batch.add(mutator.randomText(marker));
            return batch;
        });
    }

    // ----- values -----

    private static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(24)),
                Tuple.of(1, Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u04ff')
                        .withChars('\t', '\n', '\r', '\\', '=', '|', '中', '文').ofMaxLength(24)),
                Tuple.of(1, Arbitraries.of("Tomb Raider.rar", "HEUR_NAMETRICK.A", "http://x/?a=b&c=d",
                        "C:\\Windows\\System32", "Deception, social engineering", "")));
    }

    private static Arbitrary<String> headerText() {
        return text().map(s -> s.replace("\n", "").replace("\r", "")).map(CefEscaping::escapeHeaderField);
    }

    private static Arbitrary<String> plainHeaderText() {
        return Arbitraries.strings().withCharRange('!', '~').withChars(' ').ofMaxLength(20)
                .map(s -> s.replace("|", "").replace("\\", ""));
    }

    private static Arbitrary<String> leefAttributes() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Combinators.combine(Arbitraries.of(LEEF_TEXT_KEYS), text().map(LineGenerators::oneLine))
                        .as((key, value) -> key + "=" + value)),
                Tuple.of(2, Combinators.combine(Arbitraries.of("src", "dst"), ip()).as((k, v) -> k + "=" + v)),
                Tuple.of(2, Combinators.combine(Arbitraries.of("srcPort", "dstPort"), port()).as((k, v) -> k + "=" + v)),
                Tuple.of(1, Arbitraries.integers().between(1, 10).map(sev -> "sev=" + sev)),
                Tuple.of(1, Arbitraries.of("devTime=1425891921000", "devTime=May 01 2024 10:00:00",
                        "devTime=2024-05-01T10:00:00+02:00")));
    }

    private static String oneLine(String text) {
        return text.replace("\n", " ").replace("\r", " ");
    }

    private static Arbitrary<String> severities() {
        return Arbitraries.of("0", "2", "4", "6", "8", "10", "Low", "High", "Very-High", "Unknown");
    }

    private static Arbitrary<String> ip() {
        Arbitrary<String> v4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(parts -> String.join(".", parts.stream().map(String::valueOf).toList()));
        return Arbitraries.frequencyOf(Tuple.of(4, v4),
                Tuple.of(1, Arbitraries.of("2001:db8::1", "::1", "fe80::1%eth0", "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8")));
    }

    private static Arbitrary<String> port() {
        return Arbitraries.integers().between(0, 65535).map(String::valueOf);
    }

    private static Arbitrary<String> time() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.longs().between(0, 4_102_444_800_000L).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("Mar 09 2015 17:05:21 GMT+08:00", "Mar 09 2015 17:05:21.123",
                        "Dec 31 23:59:59", "2015-03-09T17:05:21Z", "Feb 29 2024 00:00:00 CET")));
    }
}
