package tmsp.ingest;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Limits and defaults of the parsers.
 *
 * @param maxLineLength most UTF-16 characters a line may have (default 64 KiB)
 * @param maxKeys       most key=value pairs a line may carry (default 512)
 * @param maxKeyLength  longest key (default 128)
 * @param maxJsonDepth  deepest nesting of JSON objects and arrays (default 32)
 * @param defaultZone   zone of timestamps that carry none (default UTC)
 * @param clock         "now", to place timestamps without a year (syslog, short CEF dates)
 */
public record ParseOptions(int maxLineLength, int maxKeys, int maxKeyLength, int maxJsonDepth,
                           ZoneId defaultZone, Clock clock) {

    public static final int DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
    public static final int DEFAULT_MAX_KEYS = 512;
    public static final int DEFAULT_MAX_KEY_LENGTH = 128;
    public static final int DEFAULT_MAX_JSON_DEPTH = 32;

    public ParseOptions {
        requirePositive(maxLineLength, "maxLineLength");
        requirePositive(maxKeys, "maxKeys");
        requirePositive(maxKeyLength, "maxKeyLength");
        requirePositive(maxJsonDepth, "maxJsonDepth");
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(clock, "clock");
    }

    public static ParseOptions defaults() {
        return new ParseOptions(DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_KEYS, DEFAULT_MAX_KEY_LENGTH,
                DEFAULT_MAX_JSON_DEPTH, ZoneOffset.UTC, Clock.systemUTC());
    }

    public ParseOptions withMaxLineLength(int value) {
        return new ParseOptions(value, maxKeys, maxKeyLength, maxJsonDepth, defaultZone, clock);
    }

    public ParseOptions withMaxKeys(int value) {
        return new ParseOptions(maxLineLength, value, maxKeyLength, maxJsonDepth, defaultZone, clock);
    }

    public ParseOptions withMaxKeyLength(int value) {
        return new ParseOptions(maxLineLength, maxKeys, value, maxJsonDepth, defaultZone, clock);
    }

    public ParseOptions withMaxJsonDepth(int value) {
        return new ParseOptions(maxLineLength, maxKeys, maxKeyLength, value, defaultZone, clock);
    }

    public ParseOptions withDefaultZone(ZoneId value) {
        return new ParseOptions(maxLineLength, maxKeys, maxKeyLength, maxJsonDepth, value, clock);
    }

    public ParseOptions withClock(Clock value) {
        return new ParseOptions(maxLineLength, maxKeys, maxKeyLength, maxJsonDepth, defaultZone, value);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
