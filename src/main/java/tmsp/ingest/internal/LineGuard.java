package tmsp.ingest.internal;

import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.ParseOptions;

/**
 * First checks on a raw line, before any format is looked at: size, control characters, broken UTF-16.
 * A control character other than tab never belongs in a line (CEF escapes newlines; JSON escapes all of them),
 * and a lone surrogate would be silently mangled when stored as UTF-8.
 */
final class LineGuard {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private LineGuard() {
    }

    /** The line without its terminator and byte order mark; rejects it if it cannot be a log line. */
    static String check(String line, ParseOptions options) {
        if (line == null) {
            throw new LineRejected(ParseErrorCode.EMPTY_LINE, "no line given");
        }
        if (line.length() > options.maxLineLength() + 2) {
            throw tooLong(line.length(), options);
        }
        String text = stripTerminatorAndBom(line);
        if (text.length() > options.maxLineLength()) {
            throw tooLong(text.length(), options);
        }
        if (text.isBlank()) {
            throw new LineRejected(ParseErrorCode.EMPTY_LINE, "the line is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t') {
                throw new LineRejected(ParseErrorCode.CONTROL_CHARACTER,
                        String.format("control character U+%04X at position %d", (int) c, i + 1));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw loneSurrogate(c, i);
                }
            } else if (Character.isLowSurrogate(c)) {
                throw loneSurrogate(c, i);
            }
        }
        return text;
    }

    /** The same character checks for text that came out of an escape sequence (JSON {@code \\u0000}). */
    static void checkDecoded(String text, String where) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new LineRejected(ParseErrorCode.CONTROL_CHARACTER, "NUL character in " + where);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new LineRejected(ParseErrorCode.INVALID_UNICODE, "unpaired surrogate in " + where);
            }
        }
    }

    private static String stripTerminatorAndBom(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        int start = end > 0 && line.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        return line.substring(start, end);
    }

    private static LineRejected tooLong(int length, ParseOptions options) {
        return new LineRejected(ParseErrorCode.LINE_TOO_LONG,
                "line has " + length + " characters, the limit is " + options.maxLineLength());
    }

    private static LineRejected loneSurrogate(char c, int index) {
        return new LineRejected(ParseErrorCode.INVALID_UNICODE,
                String.format("unpaired surrogate U+%04X at position %d", (int) c, index + 1));
    }
}
