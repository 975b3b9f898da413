package tmsp.ingest.internal;

import tmsp.ingest.Direction;
import tmsp.ingest.ParseErrorCode;

/** Checks and converts typed field values; a wrong type rejects the line rather than storing nonsense. */
final class FieldValues {

    static final int MAX_PORT = 65_535;

    private FieldValues() {
    }

    static String address(String key, String value) {
        String address = value.strip();
        if (!IpLiterals.isValid(address)) {
            throw bad(key, value, "not an IPv4 or IPv6 address");
        }
        return address;
    }

    static Integer port(String key, String value) {
        String port = value.strip();
        if (port.isEmpty() || port.length() > 5 || !digits(port) || Integer.parseInt(port) > MAX_PORT) {
            throw bad(key, value, "not a port from 0 to " + MAX_PORT);
        }
        return Integer.parseInt(port);
    }

    static long count(String key, String value) {
        String count = value.strip();
        if (count.isEmpty() || count.length() > 18 || !digits(count)) {
            throw bad(key, value, "not a whole number of events");
        }
        return Long.parseLong(count);
    }

    /** 0 inbound, 1 outbound, any other number (appliances send 2 for "unknown") null; anything else is wrong. */
    static Direction direction(String key, String value) {
        String direction = value.strip();
        if (direction.isEmpty() || direction.length() > 9 || !digits(direction)) {
            throw bad(key, value, "not a direction number (0 inbound, 1 outbound)");
        }
        return switch (Integer.parseInt(direction)) {
            case 0 -> Direction.INBOUND;
            case 1 -> Direction.OUTBOUND;
            default -> null;
        };
    }

    static LineRejected bad(String key, String value, String why) {
        return new LineRejected(ParseErrorCode.BAD_FIELD, key + " " + Snippets.quote(value) + " is " + why);
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
