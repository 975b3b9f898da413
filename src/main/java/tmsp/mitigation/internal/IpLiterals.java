package tmsp.mitigation.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Whether a text is an IPv4 or IPv6 address literal, decided without ever asking DNS. */
final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    /** Hex groups, colons and an embedded IPv4 tail; no zone index ({@code %eth0}), which could name an interface. */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiterals() {
    }

    static boolean valid(String text) {
        if (text == null) {
            return false;
        }
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!IPV6_CHARACTERS.matcher(text).matches() || text.indexOf(':') < 0 || text.charAt(0) == '.') {
            return false;
        }
        try {
            // Starting with a hex digit or a colon and holding a colon, it is parsed as an IPv6 literal, never looked up.
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
