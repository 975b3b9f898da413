package tmsp.correlation;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tmsp.incident.IncidentFinding;

/**
 * Which exception of a rule set suppresses a finding (or a stored incident): one of the same rule, still applying
 * on the finding's day, whose pattern matches one of the finding's hosts (case-insensitive, {@code *} for any
 * characters), addresses (the same address, however written), addresses inside a CIDR range (IPv4 or IPv6), or
 * threat names (case-insensitive, {@code *} for any characters). Malformed values never match and never throw.
 * Plain static methods, so a backtest can apply a draft's exceptions to its findings the same way.
 */
public final class RuleExceptions {

    /** Literal IP text only: never a host name, so parsing never asks DNS. */
    private static final Pattern IP_TEXT = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:]*(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})?");

    private RuleExceptions() {
    }

    /** The first of {@code exceptions} that suppresses {@code finding} on {@code day}. */
    public static Optional<RuleException> suppressing(List<RuleException> exceptions, IncidentFinding finding,
                                                      LocalDate day) {
        return suppressing(exceptions, finding.ruleId(), finding.hosts(), finding.addresses(), finding.threatNames(),
                day);
    }

    /** The same for an incident known by its rule, hosts, addresses and threat names. */
    public static Optional<RuleException> suppressing(List<RuleException> exceptions, String ruleId,
                                                      Collection<String> hosts, Collection<String> addresses,
                                                      Collection<String> threatNames, LocalDate day) {
        if (exceptions == null || exceptions.isEmpty()) {
            return Optional.empty();
        }
        return exceptions.stream().filter(e -> matches(e, ruleId, hosts, addresses, threatNames, day)).findFirst();
    }

    public static boolean matches(RuleException exception, String ruleId, Collection<String> hosts,
                                  Collection<String> addresses, Collection<String> threatNames, LocalDate day) {
        if (!exception.ruleId().equals(ruleId) || day == null || !exception.appliesOn(day)) {
            return false;
        }
        return switch (exception.kind()) {
            case HOST -> anyMatch(hosts, value -> wildcard(exception.pattern(), value));
            case THREAT -> anyMatch(threatNames, value -> wildcard(exception.pattern(), value));
            case ADDRESS -> {
                byte[] wanted = address(exception.pattern());
                yield wanted != null && anyMatch(addresses, value -> java.util.Arrays.equals(wanted, address(value)));
            }
            case CIDR -> {
                Cidr range = Cidr.parse(exception.pattern());
                yield range != null && anyMatch(addresses, range::contains);
            }
        };
    }

    /** A label for where a suppressed incident shows which exception matched. */
    public static String describe(RuleException exception, String version) {
        String text = exception.kind().name() + " " + exception.pattern()
                + (exception.until() == null ? "" : " until " + exception.until())
                + " (" + version + (exception.comment() == null ? "" : ": " + exception.comment()) + ")";
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    private static boolean anyMatch(Collection<String> values, java.util.function.Predicate<String> test) {
        if (values == null) {
            return false;
        }
        for (String value : values) {
            if (value != null && test.test(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Case-insensitive glob with {@code *} only, matched without regular expressions (a pattern of many stars
     * cannot make it backtrack for long): greedy with one saved star, linear in practice.
     */
    static boolean wildcard(String pattern, String value) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String v = value.toLowerCase(Locale.ROOT);
        int pi = 0;
        int vi = 0;
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (pi < p.length() && p.charAt(pi) != '*' && p.charAt(pi) == v.charAt(vi)) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /**
     * The bytes of a literal IPv4 or IPv6 address (an IPv4-mapped IPv6 address comes back as its IPv4 bytes), or
     * null for anything else. Zone ids and host names are refused before the JDK sees them.
     */
    static byte[] address(String text) {
        String t = text.strip();
        if (!IP_TEXT.matcher(t).matches()) {
            return null;
        }
        if (!t.contains(":")) {
            return ipv4(t);
        }
        if (!IPV6_TEXT.matcher(t).matches()) {
            return null;
        }
        try {
            // Text with a colon is only ever read as an IPv6 literal (never looked up); mapped IPv4 comes back as IPv4.
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    /** Four decimal parts of 0 to 255 (leading zeros are decimal too), parsed here so the JDK never resolves it. */
    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                return null;
            }
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    /** A CIDR range: the network's bits and the prefix length; IPv4 ranges hold IPv4 addresses only. */
    private record Cidr(BigInteger network, int bits, int length) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            if (slash < 0 || !text.substring(slash + 1).matches("\\d{1,3}")) {
                return null;
            }
            byte[] base = address(text.substring(0, slash));
            int prefix = Integer.parseInt(text.substring(slash + 1));
            if (base == null || prefix > base.length * 8) {
                return null;
            }
            return new Cidr(masked(new BigInteger(1, base), base.length * 8, prefix), prefix, base.length);
        }

        boolean contains(String value) {
            byte[] candidate = address(value);
            return candidate != null && candidate.length == length
                    && masked(new BigInteger(1, candidate), length * 8, bits).equals(network);
        }

        private static BigInteger masked(BigInteger value, int width, int prefix) {
            return value.shiftRight(width - prefix);
        }
    }
}
