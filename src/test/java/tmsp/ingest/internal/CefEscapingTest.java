package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static tmsp.support.Draw.between;
import static tmsp.support.Draw.frequencyOf;
import static tmsp.support.Draw.listOf;
import static tmsp.support.Draw.oneOf;
import static tmsp.support.Draw.string;
import static tmsp.support.Draw.weight;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tmsp.ingest.CefParser;
import tmsp.ingest.Detection;
import tmsp.ingest.ParseOutcome;
import tmsp.support.Seeds;

/**
 * Escaping and parsing agree: any text escaped into a CEF header field or extension value comes back unchanged.
 * The only texts left out are those CEF cannot carry: control characters other than tab, newline and carriage
 * return (newline and carriage return only in extension values), unpaired surrogates, and trailing spaces of an
 * extension value (indistinguishable from the separator). Blank header fields come back as null by design.
 */
class CefEscapingTest {

    private static final List<String> EXTENSION_SPECIALS = List.of("\\", "=", "|", " ", "\n", "\r", "\t", "n", "r",
            " k=", "\\n", "\\=");
    private static final List<String> HEADER_SPECIALS = List.of("\\", "|", "=", " ", "\t", "\\|", "|\\");

    final CefParser parser = new CefParser();

    @Test
    void escapesOfTheSpecification() {
        assertThat(CefEscaping.escapeHeaderField("a|b\\c=d\te")).isEqualTo("a\\|b\\\\c=d\te");
        assertThat(CefEscaping.escapeExtensionValue("a|b\\c=d\ne\rf\tg")).isEqualTo("a|b\\\\c\\=d\\ne\\rf\tg");
    }

    @Test
    void extensionValuesSurviveEscapingAndParsing() {
        Seeds.check(5_000, random -> {
            String first = extensionValue(random);
            String second = extensionValue(random);
            String line = "CEF:0|V|P|1|100|N|5|cs1=" + CefEscaping.escapeExtensionValue(first)
                    + " msg=" + CefEscaping.escapeExtensionValue(second) + " act=end";
            Detection detection = detection(parser.parse(line));
            assertThat(detection.extra()).containsEntry("cs1", first).containsEntry("msg", second);
            assertThat(detection.action()).isEqualTo("end");
        });
    }

    @Test
    void headerFieldsSurviveEscapingAndParsing() {
        Seeds.check(5_000, random -> {
            String vendor = headerField(random);
            String product = headerField(random);
            String name = headerField(random);
            String line = "CEF:0|" + CefEscaping.escapeHeaderField(vendor) + "|"
                    + CefEscaping.escapeHeaderField(product) + "|1.0|100|" + CefEscaping.escapeHeaderField(name)
                    + "|5|cs1=x";
            Detection detection = detection(parser.parse(line));
            assertThat(detection.vendor()).isEqualTo(blankToNull(vendor));
            assertThat(detection.product()).isEqualTo(blankToNull(product));
            assertThat(detection.eventName()).isEqualTo(blankToNull(name));
            assertThat(detection.extra()).containsEntry("cs1", "x");
        });
    }

    /** Any text without trailing spaces. */
    private static String extensionValue(Random random) {
        String value;
        do {
            value = text(random, EXTENSION_SPECIALS);
        } while (value.endsWith(" "));
        return value;
    }

    private static String headerField(Random random) {
        return text(random, HEADER_SPECIALS);
    }

    /** Strings of code points: the characters CEF makes special, often, and any other Unicode character. */
    private static String text(Random random, List<String> specials) {
        return String.join("", listOf(random, 24, () -> frequencyOf(random,
                weight(3, () -> oneOf(random, specials)),
                weight(3, () -> string(random, 0, 4, () -> alphaNumeric(random))),
                weight(2, () -> anyCodePoint(random)))));
    }

    /** A lower or upper case letter or a digit, a third each. */
    private static char alphaNumeric(Random random) {
        return (char) switch (random.nextInt(3)) {
            case 0 -> random.nextInt('a', 'z' + 1);
            case 1 -> random.nextInt('A', 'Z' + 1);
            default -> random.nextInt('0', '9' + 1);
        };
    }

    /** Any code point from space up, surrogates excluded. */
    private static String anyCodePoint(Random random) {
        int codePoint;
        do {
            codePoint = between(random, 0x20, Character.MAX_CODE_POINT);
        } while (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
        return Character.toString(codePoint);
    }

    private static Detection detection(ParseOutcome outcome) {
        assertThat(outcome).isInstanceOf(Detection.class);
        return (Detection) outcome;
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
