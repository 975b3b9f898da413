package tmsp.correlation;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One tunable value of a rule: a threshold (a whole number) or a time window (a number and a unit, {@code s},
 * {@code m}, {@code h} or {@code d}, as Drools writes durations). The DRL names it {@code ${name}} inside its
 * rule; the default comes from the rule's {@code @params("name=value, ...")}. Values are checked against the
 * default's type before they reach the DRL, so a parameter can never inject rule text.
 */
public record RuleParameter(String name, Type type, String value, String defaultValue) {

    public enum Type { NUMBER, DURATION }

    static final long MAX_NUMBER = 10_000_000;
    static final Duration MAX_DURATION = Duration.ofDays(31);

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,39}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,8}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smhd])");

    /** The type a default value has, or an exception saying why it has none. */
    static Type typeOf(String name, String value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Parameter name '" + name + "' must be letters and digits");
        }
        if (NUMBER.matcher(value).matches()) {
            return Type.NUMBER;
        }
        if (DURATION.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
            return Type.DURATION;
        }
        throw new IllegalArgumentException("Parameter " + name + " = '" + value
                + "' is neither a whole number nor a duration such as 30m");
    }

    /** This parameter with another value, checked against its type and limits. */
    public RuleParameter with(String newValue) {
        String v = newValue == null ? "" : newValue.strip().toLowerCase(Locale.ROOT);
        switch (type) {
            case NUMBER -> {
                if (!NUMBER.matcher(v).matches() || Long.parseLong(v) < 1 || Long.parseLong(v) > MAX_NUMBER) {
                    throw new IllegalArgumentException(name + " must be a whole number from 1 to " + MAX_NUMBER
                            + ", not '" + newValue + "'");
                }
            }
            case DURATION -> {
                if (!DURATION.matcher(v).matches() || durationOf(v).isZero()
                        || durationOf(v).compareTo(MAX_DURATION) > 0) {
                    throw new IllegalArgumentException(name + " must be a duration from 1s to 31d such as 30m, 2h"
                            + " or 1d, not '" + newValue + "'");
                }
            }
        }
        return new RuleParameter(name, type, v, defaultValue);
    }

    /** The value as a duration; only for {@link Type#DURATION}. */
    public Duration duration() {
        return durationOf(value);
    }

    static Duration durationOf(String value) {
        var m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a duration: " + value);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
