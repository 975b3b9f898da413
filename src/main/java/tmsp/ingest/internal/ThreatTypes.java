package tmsp.ingest.internal;

import java.util.List;

/**
 * The threat types of discovery appliances. Deep Discovery Inspector sends them as a number in the custom
 * field labelled ThreatType ({@code cn3Label=ThreatType cn3=6}); the number is the position in this list.
 */
final class ThreatTypes {

    static final List<String> NAMES = List.of("File Pattern", "Malicious Behavior", "Suspicious Behavior",
            "Exploit", "Grayware", "Web Reputation", "Disruptive Applications");

    private ThreatTypes() {
    }

    /** The name for a numeric code, or the text itself when it is not one. */
    static String named(String value) {
        String code = value.strip();
        if (code.length() == 1 && code.charAt(0) >= '0' && code.charAt(0) < '0' + NAMES.size()) {
            return NAMES.get(code.charAt(0) - '0');
        }
        return value;
    }
}
