package tmsp.appliance.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Product tokens: 256 random bits, shown once. Only their SHA-256 is stored — a fast hash is right for
 * a secret this long (nothing to guess), and it lets every upload find its product with one index lookup.
 */
final class Tokens {

    static final String PREFIX = "tmsp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** A plausible token before it is hashed and looked up: bounds the work a junk header can cause. */
    static boolean looksLikeToken(String token) {
        return token != null && token.startsWith(PREFIX) && token.length() == PREFIX.length() + 43
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
