package tmsp.ingest;

/**
 * Normalised severity of a detection.
 *
 * <p>Numeric scores (CEF header severity, LEEF {@code sev}, JSON numbers) fall into these bands, chosen so
 * that the values discovery appliances send (2, 4, 6, 8) land on the level they mean:
 * <pre>
 *   0-3  INFORMATIONAL
 *   4-5  LOW
 *   6-7  MEDIUM
 *   8    HIGH
 *   9-10 CRITICAL
 * </pre>
 */
public enum Severity {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    public static final int MAX_SCORE = 10;

    /** The band of a score from 0 to 10; null outside that range. */
    public static Severity ofScore(int score) {
        if (score < 0 || score > MAX_SCORE) {
            return null;
        }
        if (score <= 3) {
            return INFORMATIONAL;
        }
        if (score <= 5) {
            return LOW;
        }
        if (score <= 7) {
            return MEDIUM;
        }
        return score == 8 ? HIGH : CRITICAL;
    }
}
