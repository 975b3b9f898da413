package tmsp.ingest.internal;

import java.text.ParsePosition;
import java.time.Instant;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.ParseOptions;

/**
 * LEEF {@code devTime} read with the line's own {@code devTimeFormat}, a Java SimpleDateFormat pattern.
 * Compiled patterns are cached (a device sends the same one all day) and cloned per use because
 * SimpleDateFormat is not thread-safe.
 */
final class DevTimeFormats {

    static final int MAX_PATTERN_LENGTH = 64;
    private static final int MAX_CACHED = 256;
    private static final Map<String, SimpleDateFormat> COMPILED = new ConcurrentHashMap<>();

    private DevTimeFormats() {
    }

    static Instant parse(String text, String pattern, ParseOptions options) {
        SimpleDateFormat format = compiled(pattern);
        format.setTimeZone(TimeZone.getTimeZone(options.defaultZone()));
        String value = text.strip();
        ParsePosition position = new ParsePosition(0);
        Date date = format.parse(value, position);
        if (date == null || position.getIndex() != value.length()) {
            throw EventTimes.bad("devTime", text, "not in devTimeFormat " + Snippets.quote(pattern));
        }
        return EventTimes.inRange(date.toInstant(), "devTime", text);
    }

    private static SimpleDateFormat compiled(String pattern) {
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new LineRejected(ParseErrorCode.BAD_TIMESTAMP,
                    "devTimeFormat is longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        SimpleDateFormat cached = COMPILED.get(pattern);
        if (cached == null) {
            try {
                cached = new SimpleDateFormat(pattern, Locale.ENGLISH);
            } catch (IllegalArgumentException e) {
                throw new LineRejected(ParseErrorCode.BAD_TIMESTAMP,
                        "devTimeFormat " + Snippets.quote(pattern) + " is not a date pattern");
            }
            cached.setLenient(false);
            if (COMPILED.size() < MAX_CACHED) {
                COMPILED.putIfAbsent(pattern, cached);
            }
        }
        return (SimpleDateFormat) cached.clone();
    }
}
