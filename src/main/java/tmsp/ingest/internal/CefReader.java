package tmsp.ingest.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tmsp.ingest.Detection;
import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.ParseOptions;

/** Reads {@code CEF:Version|Vendor|Product|Version|EventId|Name|Severity|Extension} into a detection. */
final class CefReader {

    static final String MARKER = "CEF:";
    private static final int HEADER_FIELDS = 7;
    private static final List<String> TIME_KEYS = List.of("rt", "deviceReceiptTime");

    private CefReader() {
    }

    static void read(String body, Detection.Builder builder, ParseOptions options) {
        PipeHeader header = PipeHeader.read(body, MARKER.length(), HEADER_FIELDS);
        if (!header.complete(HEADER_FIELDS)) {
            throw new LineRejected(ParseErrorCode.CEF_BAD_HEADER, "the CEF header has " + header.fields().size()
                    + " of its " + HEADER_FIELDS + " '|'-terminated fields");
        }
        List<String> fields = header.fields();
        String version = fields.get(0).strip();
        if (!version.equals("0") && !version.equals("1")) {
            throw new LineRejected(ParseErrorCode.CEF_BAD_VERSION,
                    "CEF version " + Snippets.quote(version) + " is not 0 or 1");
        }
        builder.vendor(blankToNull(fields.get(1)))
                .product(blankToNull(fields.get(2)))
                .productVersion(blankToNull(fields.get(3)))
                .eventId(blankToNull(fields.get(4)))
                .eventName(blankToNull(fields.get(5)))
                .severity(SeverityText.parse(fields.get(6), "CEF severity"));

        Map<String, String> pairs = CefExtension.parse(body.substring(header.end()), options);
        Set<String> taken = new HashSet<>();
        for (String key : TIME_KEYS) {
            String value = pairs.get(key);
            if (value != null && !value.isBlank()) {
                builder.eventTime(EventTimes.parse(value, key, options));
                taken.add(key);
                break;
            }
        }
        AttributeMapper.map(pairs, taken, FieldSources.CEF, builder);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
