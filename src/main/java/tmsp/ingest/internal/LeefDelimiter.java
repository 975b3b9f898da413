package tmsp.ingest.internal;

import java.util.regex.Pattern;
import tmsp.ingest.ParseErrorCode;

/**
 * The attribute delimiter of a LEEF 2.0 header: a single character, or its code in hex written
 * {@code xHH}, {@code 0xHH} or {@code \xHH} (1 to 4 hex digits), or {@code \t} for tab.
 */
final class LeefDelimiter {

    static final char DEFAULT = '\t';
    private static final Pattern HEX = Pattern.compile("(?:0x|x|\\\\x)([0-9A-Fa-f]{1,4})", Pattern.CASE_INSENSITIVE);

    private LeefDelimiter() {
    }

    static char parse(String spec) {
        char delimiter;
        var hex = HEX.matcher(spec);
        if (spec.length() == 1) {
            delimiter = spec.charAt(0);
        } else if (spec.equals("\\t")) {
            delimiter = '\t';
        } else if (hex.matches()) {
            delimiter = (char) Integer.parseInt(hex.group(1), 16);
        } else {
            throw new LineRejected(ParseErrorCode.LEEF_BAD_DELIMITER, "LEEF delimiter " + Snippets.quote(spec)
                    + " is neither one character nor a hex code like x09 or 0x5E");
        }
        if (delimiter == '=' || delimiter < 0x20 && delimiter != '\t' || Character.isSurrogate(delimiter)) {
            throw new LineRejected(ParseErrorCode.LEEF_BAD_DELIMITER,
                    String.format("U+%04X cannot be a LEEF delimiter", (int) delimiter));
        }
        return delimiter;
    }
}
