package tmsp.correlation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an address lies in a CIDR range, IPv4 or IPv6, for rules (Sigma's {@code cidr} modifier). Parses address
 * literals itself: {@code InetAddress.getByName} would look a host name up in DNS. An address of the other family,
 * a malformed address or null is simply not in the range; a malformed range is refused by {@link #parse}.
 */
public final class Cidr {

    private static final int CACHE_LIMIT = 1_000;
    private static final Map<String, Cidr> PARSED = new ConcurrentHashMap<>();

    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** True when {@code address} is an address literal inside {@code cidr}; false for anything else. */
    public static boolean contains(String cidr, String address) {
        if (cidr == null || address == null) {
            return false;
        }
        Cidr range = PARSED.get(cidr);
        if (range == null) {
            try {
                range = parse(cidr);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (PARSED.size() >= CACHE_LIMIT) {
                PARSED.clear();
            }
            PARSED.put(cidr, range);
        }
        return range.includes(address);
    }

    /**
     * {@code a.b.c.d/n} (n up to 32) or an IPv6 range {@code x::y/n} (n up to 128); a bare address is a range of one.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Cidr parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        byte[] address = address(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 or IPv6 range");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException("'" + cidr + "' has no prefix length from 0 to " + bits);
            }
            prefix = Integer.parseInt(length);
        }
        return new Cidr(address, prefix);
    }

    boolean includes(String address) {
        byte[] candidate = address(address.strip());
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    /** The bytes of an IPv4 or IPv6 literal, or null when it is neither. */
    static byte[] address(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return null;
        }
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                return null;
            }
            out[i] = (byte) Integer.parseInt(parts[i]);
        }
        return out;
    }

    private static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap < 0 ? text : text.substring(0, gap);
        String tail = gap < 0 ? "" : text.substring(gap + 2);
        int[] front = groups(head);
        int[] back = groups(tail);
        if (front == null || back == null) {
            return null;
        }
        int count = front.length + back.length;
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < front.length; i++) {
            out[2 * i] = (byte) (front[i] >> 8);
            out[2 * i + 1] = (byte) front[i];
        }
        for (int i = 0; i < back.length; i++) {
            int at = 8 - back.length + i;
            out[2 * at] = (byte) (back[i] >> 8);
            out[2 * at + 1] = (byte) back[i];
        }
        return out;
    }

    /** Colon-separated hex groups; a dotted IPv4 at the end counts as two groups. Null when malformed. */
    private static int[] groups(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int[] out = new int[parts.length + (parts[parts.length - 1].contains(".") ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.contains(".")) {
                byte[] v4 = ipv4(part);
                if (v4 == null) {
                    return null;
                }
                out[i] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
                out[i + 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
            } else if (part.matches("[0-9a-fA-F]{1,4}")) {
                out[i] = Integer.parseInt(part, 16);
            } else {
                return null;
            }
        }
        return out;
    }
}
