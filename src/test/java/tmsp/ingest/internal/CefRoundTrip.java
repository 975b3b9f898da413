package tmsp.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import tmsp.ingest.CefParser;
import tmsp.ingest.Detection;
import tmsp.support.Printable;

/**
 * Any text escaped into CEF header fields and extension values comes back from the parser as it was. Texts CEF
 * cannot carry are made carriable first: control characters other than tab (and, in extension values, newline
 * and carriage return) and unpaired surrogates are dropped, as are the trailing spaces of an extension value
 * (indistinguishable from the separator). Blank header fields come back as null by design.
 */
final class CefRoundTrip {

    private CefRoundTrip() {
    }

    static void check(FuzzedDataProvider data, CefParser parser) {
        String vendor = carriable(data.consumeString(64), false);
        String product = carriable(data.consumeString(64), false);
        String name = carriable(data.consumeString(128), false);
        String first = carriable(data.consumeString(256), true).stripTrailing();
        String second = carriable(data.consumeRemainingAsString(), true).stripTrailing();
        String line = "CEF:0|" + CefEscaping.escapeHeaderField(vendor) + "|" + CefEscaping.escapeHeaderField(product)
                + "|1.0|100|" + CefEscaping.escapeHeaderField(name) + "|5|cs1=" + CefEscaping.escapeExtensionValue(first)
                + " msg=" + CefEscaping.escapeExtensionValue(second) + " act=end";
        if (line.length() > IngestFuzzTest.LINE_LIMIT) {
            return; // refused as too long, which the line targets check
        }
        assertThat(parser.parse(line)).as(Printable.of(line)).isInstanceOfSatisfying(Detection.class, d -> {
            assertThat(d.vendor()).isEqualTo(blankToNull(vendor));
            assertThat(d.product()).isEqualTo(blankToNull(product));
            assertThat(d.eventName()).isEqualTo(blankToNull(name));
            assertThat(d.extra()).containsEntry("cs1", first).containsEntry("msg", second);
            assertThat(d.action()).isEqualTo("end");
        });
    }

    private static String carriable(String text, boolean lineBreaksEscaped) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean control = cp < 0x20 && cp != '\t' && !(lineBreaksEscaped && (cp == '\n' || cp == '\r'));
            if (!control && !(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
