package tmsp.ingest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.ParseOptions;

/**
 * Splits a CEF extension into key=value pairs. A key is a run of letters, digits, '_', '.' or '-' that starts
 * the extension or follows a space and ends at an unescaped '='. A value runs up to the space before the next
 * key, so values may hold spaces; trailing spaces are dropped because the separator cannot be told apart from
 * them. An unescaped '=' that is not preceded by such a key stays in the value (lenient: the spec says escape it).
 */
final class CefExtension {

    private CefExtension() {
    }

    /** The pairs in line order; a repeated key keeps its first position and its last value. */
    static Map<String, String> parse(String extension, ParseOptions options) {
        List<int[]> keys = findKeys(extension, options);
        Map<String, String> pairs = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            if (!extension.isBlank()) {
                throw new LineRejected(ParseErrorCode.CEF_BAD_EXTENSION,
                        "the extension has no key=value pair: " + Snippets.quote(extension.strip()));
            }
            return pairs;
        }
        if (!extension.substring(0, keys.get(0)[0]).isBlank()) {
            throw new LineRejected(ParseErrorCode.CEF_BAD_EXTENSION,
                    "the extension starts with text that is not a key: " + Snippets.quote(extension.strip()));
        }
        for (int k = 0; k < keys.size(); k++) {
            int[] key = keys.get(k);
            int valueStart = key[1] + 1;
            int valueEnd = k + 1 < keys.size() ? keys.get(k + 1)[0] - 1 : extension.length();
            while (valueEnd > valueStart && extension.charAt(valueEnd - 1) == ' ') {
                valueEnd--;
            }
            pairs.put(extension.substring(key[0], key[1]),
                    CefEscaping.unescapeExtensionValue(extension, valueStart, valueEnd));
        }
        return pairs;
    }

    /** Start and '=' index of every key, in order. Each '=' walks back over its own run only, so this is linear. */
    private static List<int[]> findKeys(String text, ParseOptions options) {
        List<int[]> keys = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++; // the escaped character is never a separator
            } else if (c == '=') {
                int start = i;
                while (start > 0 && isKeyChar(text.charAt(start - 1))) {
                    start--;
                }
                if (start < i && (start == 0 || text.charAt(start - 1) == ' ')) {
                    if (i - start > options.maxKeyLength()) {
                        throw new LineRejected(ParseErrorCode.KEY_TOO_LONG, "key " + Snippets.quote(
                                text.substring(start, i)) + " is longer than " + options.maxKeyLength());
                    }
                    if (keys.size() == options.maxKeys()) {
                        throw new LineRejected(ParseErrorCode.TOO_MANY_KEYS,
                                "more than " + options.maxKeys() + " keys");
                    }
                    keys.add(new int[] {start, i});
                }
            }
        }
        return keys;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '-';
    }
}
