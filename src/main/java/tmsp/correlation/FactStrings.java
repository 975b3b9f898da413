package tmsp.correlation;

import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each value detections repeat (event and rule names, threat types, hosts, addresses), for the facts
 * of one reading thread. A driver makes a new string for every value of every row; a window of facts that keeps
 * them all is several times larger, and the collector copies that window again and again while a day is read.
 * Canonical copies also hash once (a string caches its hash) and compare by identity first, which the rules'
 * indexes do for every detection. The logon outcome, read from two names, is remembered per pair of names.
 *
 * <p>Bounded: once it holds {@link #MAX_VALUES} values it starts again empty, so a stream of values that never
 * repeat costs lookups, not memory. Not thread-safe: one per reader ({@link #NONE}, which keeps nothing, is).
 */
public final class FactStrings {

    /** Keeps no copies: each value is its own (for a single detection). */
    public static final FactStrings NONE = new FactStrings(false);

    static final int MAX_VALUES = 1 << 16;
    static final int MAX_NAME_PAIRS = 1 << 12;

    private final Map<String, String> values = new HashMap<>();
    private final Map<NamePair, String> logonOutcomes = new HashMap<>();

    private final boolean sharing;

    private record NamePair(String eventName, String ruleName) {
    }

    public FactStrings() {
        this(true);
    }

    private FactStrings(boolean sharing) {
        this.sharing = sharing;
    }

    /** The canonical copy of {@code value} (null for null). */
    public String of(String value) {
        if (value == null || !sharing) {
            return value;
        }
        String known = values.putIfAbsent(value, value);
        if (known != null) {
            return known;
        }
        if (values.size() > MAX_VALUES) {
            values.clear();
            values.put(value, value);
        }
        return value;
    }

    /** The values it holds now. */
    int size() {
        return values.size();
    }

    /** {@link LogonOutcome#of}, worked out once per pair of names. */
    String logonOutcome(String eventName, String ruleName) {
        if (!sharing) {
            return LogonOutcome.of(eventName, ruleName);
        }
        NamePair names = new NamePair(eventName, ruleName);
        String outcome = logonOutcomes.get(names);
        if (outcome == null && !logonOutcomes.containsKey(names)) {
            outcome = LogonOutcome.of(eventName, ruleName);
            if (logonOutcomes.size() >= MAX_NAME_PAIRS) {
                logonOutcomes.clear();
            }
            logonOutcomes.put(names, outcome);
        }
        return outcome;
    }
}
