package tmsp.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Log lines pasted by a person (a rule test), parsed as an upload's would be but never stored: each good line
 * becomes a {@link StoredDetection} whose id is its line number, as correlation reads stored ones; each bad line
 * a {@link ParseError} with its line number. Blank lines are skipped (their numbers still count).
 */
public final class PastedLines {

    public static final int MAX_LINES = 10_000;
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final LineParser PARSER = new LineParser();

    /** The detections of the good lines, in the order pasted, and the errors of the others. */
    public record Parsed(List<StoredDetection> detections, List<ParseError> errors) {
    }

    private PastedLines() {
    }

    /**
     * @param accountId  the account the detections are counted to (0: none)
     * @param receivedAt the time of a line that carries none, as storage would use the time of receipt
     * @throws IllegalArgumentException when there is no line, or more than {@link #MAX_LINES} or {@link #MAX_BYTES}
     */
    public static Parsed parse(String text, long accountId, Instant receivedAt) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("No log lines were given");
        }
        // UTF-16 length first: the byte count would cost as much as the text is long, however long that is.
        if (text.length() > MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("The lines are more than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        String[] lines = text.split("\r?\n|\r", -1);
        int count = lines.length;
        while (count > 0 && lines[count - 1].isBlank()) {
            count--;
        }
        if (count > MAX_LINES) {
            throw new IllegalArgumentException("There are " + count + " lines; at most " + MAX_LINES + " can be tested");
        }
        List<StoredDetection> detections = new ArrayList<>();
        List<ParseError> errors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            ParseOutcome outcome = PARSER.parse(lines[i], i + 1);
            if (outcome instanceof Detection d) {
                detections.add(asStored(d, i + 1, accountId, receivedAt));
            } else if (outcome instanceof ParseError e) {
                errors.add(e);
            }
        }
        return new Parsed(List.copyOf(detections), List.copyOf(errors));
    }

    /** As {@code JdbcDetections} reads a stored row back: the same four extension keys, receipt time if none. */
    private static StoredDetection asStored(Detection d, long id, long accountId, Instant receivedAt) {
        Map<String, String> extra = d.extra();
        return new StoredDetection(id, accountId, 0, d.eventTime() == null ? receivedAt : d.eventTime(),
                d.severity(), d.eventName(), d.threatType(), d.threatName(), extra.get("malType"), d.ruleName(),
                d.action(), d.sourceAddress(), d.sourceHost(), d.sourcePort(), d.destinationAddress(),
                d.destinationHost(), d.destinationPort(), d.interestedAddress(), d.peerAddress(), d.fileName(),
                d.fileHash(), d.url(), d.direction(), d.attackPhase(), first(extra, "duser", "suser", "usrName"),
                extra.get("app"), extra.get("proto"), d.count(), d.raw());
    }

    private static String first(Map<String, String> extra, String... keys) {
        for (String key : keys) {
            String value = extra.get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
