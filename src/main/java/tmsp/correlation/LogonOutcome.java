package tmsp.correlation;

import java.util.Locale;

/**
 * Whether a detection reports a failed or a successful logon, read from its event and rule names (e.g. DDI's
 * "Unsuccessful logon attempt"). Once per detection in Java, so that rules compare a field instead of running a
 * regular expression on every detection.
 */
final class LogonOutcome {

    static final String FAILED = "failed";
    static final String SUCCEEDED = "succeeded";

    private static final String[] LOGON_WORDS = {"logon", "log on", "login", "log in", "authentication", "password"};
    private static final String[] FAILURE_WORDS = {"unsuccessful", "failed", "failure", "invalid", "denied", "wrong"};
    private static final String[] SUCCESS_WORDS = {"successful", "succeeded", "success", "accepted"};

    private LogonOutcome() {
    }

    /** {@link #FAILED}, {@link #SUCCEEDED} or null when neither name speaks of a logon. */
    static String of(String eventName, String ruleName) {
        String text = ((eventName == null ? "" : eventName) + " | " + (ruleName == null ? "" : ruleName))
                .toLowerCase(Locale.ROOT);
        if (!containsAny(text, LOGON_WORDS)) {
            return null;
        }
        if (containsAny(text, FAILURE_WORDS)) {
            return FAILED;
        }
        return containsAny(text, SUCCESS_WORDS) ? SUCCEEDED : null;
    }

    private static boolean containsAny(String text, String[] words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
