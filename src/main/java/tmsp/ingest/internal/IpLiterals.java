package tmsp.ingest.internal;

/**
 * Checks that a text is an IPv4 or IPv6 address literal. Written by hand because InetAddress.getByName
 * falls back to a DNS lookup for anything that is not a literal, which a parser must never do.
 */
final class IpLiterals {

    private IpLiterals() {
    }

    static boolean isValid(String text) {
        return text.indexOf(':') >= 0 ? isIpv6(text) : isIpv4(text);
    }

    static boolean isIpv4(String text) {
        int parts = 0;
        int start = 0;
        while (true) {
            int dot = text.indexOf('.', start);
            int end = dot < 0 ? text.length() : dot;
            if (!isOctet(text, start, end)) {
                return false;
            }
            parts++;
            if (dot < 0) {
                return parts == 4;
            }
            if (parts == 4) {
                return false;
            }
            start = dot + 1;
        }
    }

    private static boolean isOctet(String text, int start, int end) {
        int length = end - start;
        if (length < 1 || length > 3) {
            return false;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 && (length == 1 || text.charAt(start) != '0');
    }

    static boolean isIpv6(String text) {
        String address = text;
        int zone = address.indexOf('%');
        if (zone >= 0) {
            if (zone == address.length() - 1) {
                return false;
            }
            address = address.substring(0, zone);
        }
        int groupsNeeded = 8;
        int lastColon = address.lastIndexOf(':');
        String tail = address.substring(lastColon + 1);
        if (tail.indexOf('.') >= 0) {
            if (!isIpv4(tail)) {
                return false;
            }
            // the dotted tail fills two groups; count it as one stand-in group out of seven
            address = address.substring(0, lastColon + 1) + "0";
            groupsNeeded = 7;
        }
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0) {
            if (address.indexOf("::", doubleColon + 1) >= 0) {
                return false;
            }
            int left = countGroups(address.substring(0, doubleColon));
            int right = countGroups(address.substring(doubleColon + 2));
            return left >= 0 && right >= 0 && left + right < groupsNeeded;
        }
        return countGroups(address) == groupsNeeded;
    }

    /** Number of hex groups in a colon-separated run (empty run = 0), or -1 if malformed. */
    private static int countGroups(String run) {
        if (run.isEmpty()) {
            return 0;
        }
        int groups = 0;
        int start = 0;
        while (true) {
            int colon = run.indexOf(':', start);
            int end = colon < 0 ? run.length() : colon;
            if (!isHexGroup(run, start, end)) {
                return -1;
            }
            groups++;
            if (colon < 0) {
                return groups;
            }
            start = colon + 1;
        }
    }

    private static boolean isHexGroup(String text, int start, int end) {
        if (end - start < 1 || end - start > 4) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }
}
