package tmsp.correlation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Narrows a compiler message to the place an author must look. Drools reports an error in a rule's Java
 * consequence at the line of the rule itself; when the message names what it could not resolve (a method, a
 * variable, a type), the first use of that name inside the rule is the better place.
 */
final class ErrorPlace {

    private static final Pattern NAMED = Pattern.compile(
            "The method (\\w+)\\(|(\\w+) cannot be resolved|The type (\\w+) is|undefined for the type (\\w+)");

    private ErrorPlace() {
    }

    /** Line and column (1-based; column 0 when unknown) for a message at {@code line} of {@code drl}. */
    static int[] of(String drl, int line, int column, String message) {
        String[] lines = drl.split("\n", -1);
        Matcher m = NAMED.matcher(message);
        if (line < 1 || line > lines.length || column > 0 || !m.find()) {
            return new int[] {line, column};
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        if (name == null) {
            return new int[] {line, column};
        }
        Pattern use = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
        for (int i = line - 1; i < lines.length; i++) {
            Matcher at = use.matcher(lines[i]);
            if (at.find()) {
                return new int[] {i + 1, at.start() + 1};
            }
            if (i > line - 1 && lines[i].strip().equals("end")) {
                break;
            }
        }
        return new int[] {line, column};
    }
}
