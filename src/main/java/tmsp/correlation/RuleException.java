package tmsp.correlation;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An analyst's exception to one rule: its incidents whose hosts, addresses (one address, or a CIDR range) or
 * threat names match are kept but marked suppressed, optionally only until a day. Part of a rule set version,
 * so it is reviewed like the rules.
 *
 * @param id    null before it is stored
 * @param until the last day it applies, or null for no end
 */
public record RuleException(Long id, String ruleId, Kind kind, String pattern, LocalDate until, String comment,
                            String author) {

    public enum Kind { HOST, ADDRESS, CIDR, THREAT }

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.*-]{1,200}");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    /** An exception whose fields are checked: the reason is the message of the IllegalArgumentException. */
    public RuleException {
        if (ruleId == null || !ruleId.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("An exception names the id of the rule it applies to");
        }
        if (kind == null) {
            throw new IllegalArgumentException("An exception is for a host, an address, a CIDR range or a threat name");
        }
        pattern = pattern == null ? "" : pattern.strip();
        if (pattern.isEmpty() || pattern.length() > 200) {
            throw new IllegalArgumentException("The " + kind.name().toLowerCase(Locale.ROOT)
                    + " of an exception is 1 to 200 characters");
        }
        switch (kind) {
            case HOST -> require(HOST.matcher(pattern).matches(),
                    "A host is a name of letters, digits, '.', '-', '_' (and '*' for any characters)");
            case ADDRESS -> require(isAddress(pattern), "'" + pattern + "' is not an IPv4 or IPv6 address");
            case CIDR -> require(isCidr(pattern), "'" + pattern + "' is not a CIDR range such as 10.1.0.0/16");
            case THREAT -> require(pattern.chars().noneMatch(Character::isISOControl),
                    "A threat name has no control characters");
        }
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        if (comment != null && comment.length() > 500) {
            throw new IllegalArgumentException("The comment of an exception is at most 500 characters");
        }
    }

    /** The same exception, stored under {@code newId}. */
    public RuleException withId(long newId) {
        return new RuleException(newId, ruleId, kind, pattern, until, comment, author);
    }

    /** Whether it still applies on {@code day}. */
    public boolean appliesOn(LocalDate day) {
        return until == null || !day.isAfter(until);
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw new IllegalArgumentException(reason);
        }
    }

    static boolean isAddress(String text) {
        var m = IPV4.matcher(text);
        if (m.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(m.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        return text.contains(":") && text.matches("[0-9A-Fa-f:.]{2,45}") && !text.contains(":::");
    }

    static boolean isCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || !text.substring(slash + 1).matches("\\d{1,3}")) {
            return false;
        }
        String address = text.substring(0, slash);
        int bits = Integer.parseInt(text.substring(slash + 1));
        return isAddress(address) && bits <= (address.contains(":") ? 128 : 32);
    }
}
