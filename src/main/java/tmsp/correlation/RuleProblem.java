package tmsp.correlation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with a rule file, where the editor can mark it: line and column are 1-based, 0 when the
 * compiler did not say (a problem with the whole set, such as a duplicate rule id in another file).
 */
public record RuleProblem(String file, int line, int column, String message) {

    private static final Pattern LOCATED = Pattern.compile("(?s)([^:\\s][^:]*?):(\\d+)(?::(\\d+))?: (.*)");

    /** Reads the {@code file:line[:column]: message} form every rule compilation message is written in. */
    static RuleProblem parse(String message) {
        Matcher m = LOCATED.matcher(message);
        if (!m.matches()) {
            return new RuleProblem("", 0, 0, message);
        }
        return new RuleProblem(m.group(1), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(4));
    }

    @Override
    public String toString() {
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }
}
