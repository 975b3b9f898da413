package tmsp.mitigation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods the nonconforming endpoints page counts in, as instants of the portal's time zone: the last five
 * days (yesterday first) and yesterday's hours. A day that changes the clock has 23 or 25 hours, so the hours are
 * counted from the day's start, not assumed to be 24.
 */
record ReportingDays(List<Period> days, List<Period> hours) {

    static final int DAYS = 5;

    /** [start, end) with the label the page shows (a date, or the hour's local start "HH:00"). */
    record Period(String label, Instant start, Instant end) {
    }

    static ReportingDays before(LocalDate today, ZoneId zone) {
        List<Period> days = new ArrayList<>();
        for (int back = 1; back <= DAYS; back++) {
            LocalDate day = today.minusDays(back);
            days.add(new Period(day.toString(), day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        Period yesterday = days.get(0);
        List<Period> hours = new ArrayList<>();
        for (Instant start = yesterday.start(); start.isBefore(yesterday.end()); start = start.plusSeconds(3600)) {
            ZonedDateTime local = start.atZone(zone);
            hours.add(new Period(String.format("%02d:%02d", local.getHour(), local.getMinute()), start,
                    start.plusSeconds(3600).isAfter(yesterday.end()) ? yesterday.end() : start.plusSeconds(3600)));
        }
        return new ReportingDays(List.copyOf(days), List.copyOf(hours));
    }

    public Period yesterday() {
        return days.get(0);
    }

    /** From the start of the oldest day to the end of yesterday. */
    public Instant from() {
        return days.get(DAYS - 1).start();
    }

    public Instant to() {
        return yesterday().end();
    }
}
