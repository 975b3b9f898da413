package tmsp.ingest.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.ParseOptions;

/**
 * Event times in the forms appliances send: epoch milliseconds, the CEF date formats
 * ({@code MMM dd [yyyy] HH:mm:ss[.SSS] [zone]}) and ISO 8601. Times outside 1970-9999 are rejected, as are
 * times that do not parse: a detection with a wrong time would land in the wrong day's correlation.
 */
final class EventTimes {

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static final Pattern ISO_WITH_SPACE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d.*");
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");

    /** CEF date formats; the year, fraction and zone are each optional. */
    private static final DateTimeFormatter CEF_DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MMM d")
            .optionalStart().appendLiteral(' ').appendValue(ChronoField.YEAR, 4).optionalEnd()
            .appendPattern(" HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendLiteral(' ').appendZoneText(TextStyle.SHORT).optionalEnd()
            .optionalStart().appendLiteral(' ').appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendLiteral(' ').appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * Abbreviations read as the fixed offset they name. Java would otherwise map "EST" to America/New_York
     * and apply daylight saving time to a time that explicitly says standard time.
     */
    private static final Map<String, String> FIXED_ABBREVIATIONS = Map.ofEntries(
            Map.entry("EST", "GMT-05:00"), Map.entry("EDT", "GMT-04:00"),
            Map.entry("CST", "GMT-06:00"), Map.entry("CDT", "GMT-05:00"),
            Map.entry("MST", "GMT-07:00"), Map.entry("MDT", "GMT-06:00"),
            Map.entry("PST", "GMT-08:00"), Map.entry("PDT", "GMT-07:00"),
            Map.entry("WET", "GMT"), Map.entry("WEST", "GMT+01:00"),
            Map.entry("CET", "GMT+01:00"), Map.entry("CEST", "GMT+02:00"),
            Map.entry("EET", "GMT+02:00"), Map.entry("EEST", "GMT+03:00"),
            Map.entry("BST", "GMT+01:00"), Map.entry("JST", "GMT+09:00"),
            Map.entry("KST", "GMT+09:00"), Map.entry("HKT", "GMT+08:00"),
            Map.entry("SGT", "GMT+08:00"), Map.entry("AEST", "GMT+10:00"),
            Map.entry("AEDT", "GMT+11:00"));

    private EventTimes() {
    }

    /** Epoch milliseconds, a CEF date or ISO 8601, whichever the text is. */
    static Instant parse(String text, String key, ParseOptions options) {
        String value = text.strip();
        if (isEpochMillis(value)) {
            return epochMillis(Long.parseLong(value), key);
        }
        Instant time = value.length() >= 10 && Character.isDigit(value.charAt(0))
                ? iso(value, options.defaultZone())
                : cefDate(value, options);
        if (time == null) {
            throw bad(key, text, "not epoch milliseconds, a CEF date or ISO 8601");
        }
        return inRange(time, key, text);
    }

    /** A time in epoch milliseconds, checked to be in range. */
    static Instant epochMillis(long millis, String key) {
        return inRange(Instant.ofEpochMilli(millis), key, Long.toString(millis));
    }

    /** A syslog header time: RFC 3339 or the RFC 3164 {@code Mmm dd hh:mm:ss}; null when it is neither. */
    static Instant syslogTime(String text, ParseOptions options) {
        Instant time = text.length() >= 10 && Character.isDigit(text.charAt(0))
                ? iso(text, options.defaultZone())
                : cefDate(text, options);
        return time == null || time.isBefore(EARLIEST) || time.isAfter(LATEST) ? null : time;
    }

    static Instant inRange(Instant time, String key, String text) {
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw bad(key, text, "outside the years 1970 to 9999");
        }
        return time;
    }

    static LineRejected bad(String key, String text, String why) {
        return new LineRejected(ParseErrorCode.BAD_TIMESTAMP, key + " " + Snippets.quote(text) + " is " + why);
    }

    private static Instant iso(String text, ZoneId defaultZone) {
        String value = ISO_WITH_SPACE.matcher(text).matches()
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(value);
            ZoneId zone = parsed.query(TemporalQueries.zone());
            LocalDateTime local = LocalDateTime.from(parsed);
            return local.atZone(zone == null ? defaultZone : zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** What {@code \\d{1,15}} matches, without a regex. */
    private static boolean isEpochMillis(String value) {
        if (value.isEmpty() || value.length() > 15) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Instant cefDate(String text, ParseOptions options) {
        Instant common = CefDates.parse(text, options);
        return common != null ? common : cefDateByFormatter(text, options);
    }

    /** The reference reading of a CEF date; {@link CefDates} reads the common forms faster. */
    static Instant cefDateByFormatter(String text, ParseOptions options) {
        String value = withFixedOffset(SPACES.matcher(text).replaceAll(" "));
        try {
            TemporalAccessor parsed = CEF_DATE.parse(value);
            ZoneId zone = parsed.query(TemporalQueries.zone());
            ZoneId effectiveZone = zone == null ? options.defaultZone() : zone;
            LocalTime time = parsed.query(TemporalQueries.localTime());
            LocalDate date = parsed.query(TemporalQueries.localDate());
            if (date != null) {
                return ZonedDateTime.of(date, time, effectiveZone).toInstant();
            }
            return nearestYear((int) parsed.getLong(ChronoField.MONTH_OF_YEAR),
                    (int) parsed.getLong(ChronoField.DAY_OF_MONTH), time, effectiveZone, options);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static String withFixedOffset(String value) {
        int space = value.lastIndexOf(' ');
        String offset = space < 0 ? null : FIXED_ABBREVIATIONS.get(value.substring(space + 1).toUpperCase(Locale.ROOT));
        return offset == null ? value : value.substring(0, space + 1) + offset;
    }

    /** A date without a year is placed in the year (last, this or next) that brings it closest to now. */
    static Instant nearestYear(int month, int day, LocalTime time, ZoneId zone, ParseOptions options) {
        Instant now = options.clock().instant();
        int thisYear = now.atZone(zone).getYear();
        Instant best = null;
        for (int year = thisYear - 1; year <= thisYear + 1; year++) {
            Instant candidate;
            try {
                candidate = ZonedDateTime.of(LocalDate.of(year, month, day), time, zone).toInstant();
            } catch (DateTimeException e) {
                continue; // 29 February outside leap years
            }
            if (best == null || distance(candidate, now) < distance(best, now)) {
                best = candidate;
            }
        }
        return best;
    }

    private static long distance(Instant a, Instant b) {
        return Math.abs(a.getEpochSecond() - b.getEpochSecond());
    }
}
