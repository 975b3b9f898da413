package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tmsp.ingest.CefParser;
import tmsp.ingest.Detection;
import tmsp.ingest.ParseOutcome;

/**
 * Escaping and parsing agree: any text escaped into a CEF header field or extension value comes back unchanged.
 * The only texts left out are those CEF cannot carry: control characters other than tab, newline and carriage
 * return (newline and carriage return only in extension values), unpaired surrogates, and trailing spaces of an
 * extension value (indistinguishable from the separator). Blank header fields come back as null by design.
 */
class CefEscapingTest {

    final CefParser parser = new CefParser();

    @Example
    void escapesOfTheSpecification() {
        assertThat(CefEscaping.escapeHeaderField("a|b\\c=d\te")).isEqualTo("a\\|b\\\\c=d\te");
        assertThat(CefEscaping.escapeExtensionValue("a|b\\c=d\ne\rf\tg")).isEqualTo("a|b\\\\c\\=d\\ne\\rf\tg");
    }

    @Property(tries = 5_000)
    void extensionValuesSurviveEscapingAndParsing(@ForAll("extensionValues") String first,
                                                  @ForAll("extensionValues") String second) {
        String line = "CEF:0|V|P|1|100|N|5|cs1=" + CefEscaping.escapeExtensionValue(first)
                + " msg=" + CefEscaping.escapeExtensionValue(second) + " act=end";
        Detection detection = detection(parser.parse(line));
        assertThat(detection.extra()).containsEntry("cs1", first).containsEntry("msg", second);
        assertThat(detection.action()).isEqualTo("end");
    }

    @Property(tries = 5_000)
    void headerFieldsSurviveEscapingAndParsing(@ForAll("headerFields") String vendor,
                                               @ForAll("headerFields") String product,
                                               @ForAll("headerFields") String name) {
        String line = "CEF:0|" + CefEscaping.escapeHeaderField(vendor) + "|" + CefEscaping.escapeHeaderField(product)
                + "|1.0|100|" + CefEscaping.escapeHeaderField(name) + "|5|cs1=x";
        Detection detection = detection(parser.parse(line));
        assertThat(detection.vendor()).isEqualTo(blankToNull(vendor));
        assertThat(detection.product()).isEqualTo(blankToNull(product));
        assertThat(detection.eventName()).isEqualTo(blankToNull(name));
        assertThat(detection.extra()).containsEntry("cs1", "x");
    }

    @Provide
    Arbitrary<String> extensionValues() {
        return text(List.of("\\", "=", "|", " ", "\n", "\r", "\t", "n", "r", " k=", "\\n", "\\="))
                .filter(value -> !value.endsWith(" "));
    }

    @Provide
    Arbitrary<String> headerFields() {
        return text(List.of("\\", "|", "=", " ", "\t", "\\|", "|\\"));
    }

    /** Strings of code points: the characters CEF makes special, often, and any other Unicode character. */
    private static Arbitrary<String> text(List<String> specials) {
        Arbitrary<String> anyCodePoint = Arbitraries.integers().between(0x20, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .map(Character::toString);
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(specials)),
                Tuple.of(3, Arbitraries.strings().alpha().numeric().ofMaxLength(4)),
                Tuple.of(2, anyCodePoint));
        return piece.list().ofMaxSize(24).map(pieces -> String.join("", pieces));
    }

    private static Detection detection(ParseOutcome outcome) {
        assertThat(outcome).isInstanceOf(Detection.class);
        return (Detection) outcome;
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
