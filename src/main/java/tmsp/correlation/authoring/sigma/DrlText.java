package tmsp.correlation.authoring.sigma;

/**
 * Text from a Sigma file as it goes into generated DRL. Values become Java string literals that mean exactly the
 * value; metadata (titles, descriptions) is made harmless for the annotation and rule-name syntax instead.
 */
final class DrlText {

    private DrlText() {
    }

    /**
     * A string literal whose value is {@code value}. Besides the usual escapes it splits the literal
     * where the DRL text would otherwise read a backslash followed by the letter u, which the draft confinement refuses as
     * a Unicode escape, or {@code ${}, which the rule template would take for a parameter.
     */
    static String literal(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char next = i + 1 < value.length() ? value.charAt(i + 1) : 0;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append(next == 'u' ? "\\\\\" + \"" : "\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$' -> out.append(next == '{' ? "$\" + \"" : "$");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\%03o", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Metadata text inside {@code @name("...")} or a rule name: one line, no control characters, backslashes shown as
     * slashes (so no Unicode escape can form), quotes escaped and {@code ${} broken up (the rule template reads both), at most {@code max} characters.
     */
    static String metadata(String text, int max) {
        String flat = text.replaceAll("[\\p{Cntrl}]+", " ").strip().replace('\\', '/').replace("${", "$ {");
        if (flat.length() > max) {
            flat = flat.substring(0, max - 3) + "...";
        }
        return flat.replace("\"", "\\\"");
    }
}
