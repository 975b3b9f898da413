package tmsp.appliance.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads an IP address typed by an administrator into the form the syslog listener reports senders in. */
final class SourceAddresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private SourceAddresses() {
    }

    /** @return the address as {@link InetAddress#getHostAddress()} prints it, or empty if it is no IP literal */
    static Optional<String> normalise(String typed) {
        String text = typed == null ? "" : typed.strip();
        boolean literal = IPV4.matcher(text).matches() || (text.contains(":") && IPV6.matcher(text).matches());
        if (!literal) {
            return Optional.empty(); // never a host name: resolving one would ask DNS
        }
        try {
            return Optional.of(InetAddress.getByName(text).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
