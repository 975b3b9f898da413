package tmsp.ingest.internal;

import java.util.Locale;
import java.util.Map;
import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.Severity;

/** Reads a severity written as a score (0-10) or as a word ("High", "Very-High", "Unknown"). */
final class SeverityText {

    /** Words seen in CEF headers and appliance logs, compared without case, spaces, '-' and '_'. */
    private static final Map<String, Severity> WORDS = Map.of(
            "unknown", Severity.INFORMATIONAL,
            "info", Severity.INFORMATIONAL,
            "informational", Severity.INFORMATIONAL,
            "low", Severity.LOW,
            "medium", Severity.MEDIUM,
            "high", Severity.HIGH,
            "veryhigh", Severity.CRITICAL,
            "critical", Severity.CRITICAL);

    private SeverityText() {
    }

    static Severity parse(String text, String key) {
        String value = text.strip();
        if (!value.isEmpty() && value.length() <= 3 && value.chars().allMatch(SeverityText::isAsciiDigit)) {
            Severity band = Severity.ofScore(Integer.parseInt(value));
            if (band != null) {
                return band;
            }
        }
        Severity word = WORDS.get(normalised(value));
        if (word == null) {
            throw new LineRejected(ParseErrorCode.BAD_SEVERITY,
                    key + " " + Snippets.quote(text) + " is neither a score from 0 to 10 nor a severity word");
        }
        return word;
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static String normalised(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c != ' ' && c != '-' && c != '_') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
