package tmsp.report.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** What a report covers: whole days from {@code start} to {@code end}, both included. */
record ReportPeriod(ReportType type, LocalDate start, LocalDate end) {

    ReportPeriod {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a period ends before it starts: " + start + " to " + end);
        }
    }

    static ReportPeriod day(LocalDate day) {
        return new ReportPeriod(ReportType.DAILY, day, day);
    }

    /** The week (Sunday to Saturday) that holds {@code day}. */
    static ReportPeriod weekOf(LocalDate day) {
        LocalDate sunday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        return new ReportPeriod(ReportType.WEEKLY, sunday, sunday.plusDays(6));
    }

    static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(ReportType.MONTHLY, month.atDay(1), month.atEndOfMonth());
    }

    static ReportPeriod custom(LocalDate from, LocalDate to) {
        return new ReportPeriod(ReportType.CUSTOM, from, to);
    }

    static ReportPeriod of(String type, String start, String end) {
        return new ReportPeriod(ReportType.valueOf(type), LocalDate.parse(start), LocalDate.parse(end));
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** The period of the same kind just before this one, for trends (a month before a month, whatever its length). */
    ReportPeriod previous() {
        if (type == ReportType.MONTHLY) {
            return month(YearMonth.from(start).minusMonths(1));
        }
        return new ReportPeriod(type, start.minusDays(days()), start.minusDays(1));
    }

    Instant from(ZoneId zone) {
        return start.atStartOfDay(zone).toInstant();
    }

    /** Exclusive: the start of the day after the end. */
    Instant to(ZoneId zone) {
        return end.plusDays(1).atStartOfDay(zone).toInstant();
    }

    String fileName(String accountName) {
        String safe = accountName.replaceAll("[^A-Za-z0-9._-]+", "-");
        return safe + "-" + type.fileStem() + "-" + start + (days() > 1 ? "_" + end : "") + ".pdf";
    }
}
