package tmsp.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a text column's UTF-8 bytes into a {@code String}, handing back the same instance for the same bytes.
 * Stored detections repeat a few thousand values (event and rule names, hosts, addresses) across a million rows:
 * decoding each into a new {@code String} was a third of what a day's read allocated. One per read, on the reading
 * thread (not thread-safe). Bounded: at {@link #MAX_VALUES} values it starts afresh, so many distinct values (a
 * day of destination addresses) cost no more than decoding each.
 */
final class RepeatedTexts {

    static final int MAX_VALUES = 1 << 15;
    /** Values longer than this are decoded each time: long texts (URLs, file paths) rarely repeat. */
    static final int MAX_LENGTH = 128;
    private static final int SLOTS = MAX_VALUES * 2; // open addressing: at most half full keeps probes short

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];
    private int size;

    /** The text of {@code utf8} (null for null); the same instance as before when these bytes were seen. */
    String of(byte[] utf8) {
        if (utf8 == null) {
            return null;
        }
        if (utf8.length > MAX_LENGTH) {
            return new String(utf8, StandardCharsets.UTF_8);
        }
        int slot = Arrays.hashCode(utf8) & (SLOTS - 1);
        while (keys[slot] != null) {
            if (Arrays.equals(keys[slot], utf8)) {
                return values[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        if (size == MAX_VALUES) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            size = 0;
            return of(utf8);
        }
        String text = new String(utf8, StandardCharsets.UTF_8);
        keys[slot] = utf8.clone(); // the caller's array is its own to reuse
        values[slot] = text;
        size++;
        return text;
    }

    int size() {
        return size;
    }
}
