package tmsp.ingest.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import tmsp.ingest.ParseOptions;

/**
 * The CEF dates appliances send nearly always, read without a formatter: {@code MMM d[ yyyy] HH:mm:ss[.f]}
 * followed by nothing, {@code GMT} or {@code UTC}, or {@code GMT±HH:MM}, with single spaces. Anything else
 * (another zone, tabs, odd widths, a value out of range) is not read here: {@link #parse} answers null and
 * {@link EventTimes} hands the text to its formatter, which stays the reference for what a CEF date means.
 * ReadsCefDatesLikeTheFormatterTest checks that both agree.
 */
final class CefDates {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec"};

    private CefDates() {
    }

    /** The instant, or null when the text is not one of the common forms (or not a valid date). */
    static Instant parse(String text, ParseOptions options) {
        int n = text.length();
        if (n < 14 || text.charAt(3) != ' ') {
            return null;
        }
        int month = month(text);
        if (month == 0) {
            return null;
        }
        int i = 4;
        int day = digit(text, i);
        if (day < 0) {
            return null;
        }
        i++;
        if (digit(text, i) >= 0) {
            day = day * 10 + digit(text, i);
            i++;
        }
        if (i >= n || text.charAt(i) != ' ') {
            return null;
        }
        i++;
        int year = -1;
        if (i + 4 < n && text.charAt(i + 4) == ' ') {
            year = number(text, i, 4);
            if (year < 0) {
                return null;
            }
            i += 5;
        }
        if (i + 8 > n || text.charAt(i + 2) != ':' || text.charAt(i + 5) != ':') {
            return null;
        }
        int hour = number(text, i, 2);
        int minute = number(text, i + 3, 2);
        int second = number(text, i + 6, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        i += 8;
        int nanos = 0;
        if (i < n && text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && digit(text, i) >= 0) {
                i++;
            }
            int digits = i - start;
            if (digits < 1 || digits > 9) {
                return null;
            }
            nanos = number(text, start, digits);
            for (int d = digits; d < 9; d++) {
                nanos *= 10;
            }
        }
        ZoneId zone;
        if (i == n) {
            zone = options.defaultZone();
        } else {
            zone = zone(text, i);
            if (zone == null) {
                return null;
            }
        }
        try {
            LocalTime time = LocalTime.of(hour, minute, second, nanos);
            if (year >= 0) {
                return ZonedDateTime.of(LocalDate.of(year, month, day), time, zone).toInstant();
            }
            if (day < 1 || day > 31) {
                return null;
            }
            return EventTimes.nearestYear(month, day, time, zone, options);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * " GMT", " UTC", " GMT+HH:MM" or " GMT-HH:MM" up to the end, else null. The formatter reads them as the
     * zones GMT, UTC and GMT+HH:MM, whose offsets never change; their offset gives the same instant.
     */
    private static ZoneOffset zone(String text, int i) {
        int rest = text.length() - i;
        if (rest == 4 && (text.startsWith(" UTC", i) || text.startsWith(" GMT", i))) {
            return ZoneOffset.UTC;
        }
        if (rest != 10 || !text.startsWith(" GMT", i)) {
            return null;
        }
        char sign = text.charAt(i + 4);
        int hours = number(text, i + 5, 2);
        int minutes = number(text, i + 8, 2);
        if (sign != '+' && sign != '-' || text.charAt(i + 7) != ':' || hours < 0 || hours > 17 || minutes < 0
                || minutes > 59) {
            return null;
        }
        return ZoneOffset.ofTotalSeconds((hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1));
    }

    /** 1 to 12 for an English month abbreviation in ASCII letters of any case, else 0. */
    private static int month(String text) {
        for (int i = 0; i < 3; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return 0;
            }
        }
        for (int m = 0; m < MONTHS.length; m++) {
            if (text.regionMatches(true, 0, MONTHS[m], 0, 3)) {
                return m + 1;
            }
        }
        return 0;
    }

    private static int digit(String text, int i) {
        if (i >= text.length()) {
            return -1;
        }
        char c = text.charAt(i);
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    /** The {@code width} ASCII digits at {@code i} as a number, or -1. */
    private static int number(String text, int i, int width) {
        if (i + width > text.length()) {
            return -1;
        }
        int value = 0;
        for (int k = i; k < i + width; k++) {
            int d = digit(text, k);
            if (d < 0) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
