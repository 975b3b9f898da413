package tmsp.ingest.internal;

/** Quotes pieces of hostile input in error reasons: short, printable, and safe to log or show. */
final class Snippets {

    private static final int MAX_QUOTE = 40;
    private static final int MAX_MESSAGE = 160;

    private Snippets() {
    }

    /** The text in single quotes, cut to 40 characters, control characters and surrogates as \\uXXXX. */
    static String quote(String text) {
        return text == null ? "null" : "'" + printable(text, MAX_QUOTE) + "'";
    }

    /** A library message cut to a readable length, control characters made visible. */
    static String clip(String message) {
        return printable(message, MAX_MESSAGE);
    }

    private static String printable(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        int end = Math.min(text.length(), max);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > max) {
            out.append("...");
        }
        return out.toString();
    }
}
