package tmsp.ingest.internal;

/**
 * The escapes of the CEF specification. Header fields escape {@code |} and {@code \}; extension values escape
 * {@code \}, {@code =}, newline ({@code \n}) and carriage return ({@code \r}). Any other backslash sequence is
 * not an escape and is kept as written, so a stray backslash never swallows a character.
 */
public final class CefEscaping {

    private CefEscaping() {
    }

    public static String escapeHeaderField(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '|') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    public static String escapeExtensionValue(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '=' -> out.append("\\=");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Unescapes {@code text[start, end)} of an extension value. */
    static String unescapeExtensionValue(String text, int start, int end) {
        if (text.indexOf('\\', start) < 0 || text.indexOf('\\', start) >= end) {
            return text.substring(start, end);
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < end) {
                char next = text.charAt(i + 1);
                switch (next) {
                    case '\\', '=' -> out.append(next);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    default -> out.append(c).append(next);
                }
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
