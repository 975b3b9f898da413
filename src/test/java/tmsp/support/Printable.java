package tmsp.support;

/** A generated or fuzzed input as a failure message can show it: cut short, control characters and surrogates escaped. */
public final class Printable {

    private Printable() {
    }

    public static String of(String line) {
        String head = line.length() > 300 ? line.substring(0, 300) + "... (" + line.length() + " chars)" : line;
        StringBuilder out = new StringBuilder();
        head.chars().forEach(c -> out.append(c < 0x20 || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
