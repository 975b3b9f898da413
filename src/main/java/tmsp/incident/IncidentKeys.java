package tmsp.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An incident's key: {@code ruleId:accountId:grouping hash:first seen (epoch second)}. The grouping is hashed
 * (first 16 hex digits of its SHA-256) so the key stays short whatever a rule groups by; the same finding always
 * gets the same key. Public so that a rule test can match what two rule sets would raise by the key they would
 * be recorded under.
 */
public final class IncidentKeys {

    public static final int MAX_RULE_ID = 100;

    private IncidentKeys() {
    }

    public static String of(String ruleId, long accountId, String grouping, Instant firstSeen) {
        String rule = ruleId.length() > MAX_RULE_ID ? ruleId.substring(0, MAX_RULE_ID) : ruleId;
        return rule + ":" + accountId + ":" + sha256(grouping == null ? "" : grouping).substring(0, 16) + ":"
                + firstSeen.getEpochSecond();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
