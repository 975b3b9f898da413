package tmsp.ingest.internal;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines without ever holding more than the line limit: a longer line is returned cut, flagged as too
 * long, and the rest of it skipped — so one monstrous line costs its limit in memory, not its length.
 */
final class LineReader {

    record Line(String text, boolean tooLong) {
    }

    private final Reader in;
    private final int limit;
    private final char[] chunk = new char[64 * 1024];
    private int position;
    private int filled;
    private final StringBuilder line = new StringBuilder();

    LineReader(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** @return the next line without its terminator (LF, or CR LF), or null at the end */
    Line next() throws IOException {
        line.setLength(0);
        boolean cut = false;
        boolean any = false;
        while (true) {
            if (position == filled) {
                filled = in.read(chunk, 0, chunk.length);
                position = 0;
                if (filled <= 0) {
                    filled = 0;
                    return any ? done(cut) : null;
                }
            }
            any = true;
            int start = position;
            while (position < filled && chunk[position] != '\n') {
                position++;
            }
            int room = limit + 1 - line.length(); // one more than the limit: the CR of a CR LF
            int length = position - start;
            if (length > room) {
                cut = true;
                length = Math.max(room, 0);
            }
            line.append(chunk, start, length);
            if (position < filled) {
                position++; // the newline
                return done(cut);
            }
        }
    }

    /** A CR is the terminator's only when it came last; the limit counts the line without it. */
    private Line done(boolean cut) {
        int end = line.length();
        if (!cut && end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(--end);
        }
        if (end > limit) {
            line.setLength(limit);
            return new Line(line.toString(), true);
        }
        return new Line(line.toString(), false);
    }
}
