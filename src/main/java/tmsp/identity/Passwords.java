package tmsp.identity;

import java.security.SecureRandom;

/** Passwords the portal makes up itself (the first administrator's, the demo customers'). */
public final class Passwords {

    /** No look-alikes (0/O, 1/l/I): these passwords are read off a log and typed in. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    public static String generate(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
