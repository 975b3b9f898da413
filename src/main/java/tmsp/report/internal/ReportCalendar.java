package tmsp.report.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tmsp.report.internal.StoredReports.Stored;

/** A month as weeks of seven days (Monday first), each day with the scheduled reports that end on it. */
record ReportCalendar(YearMonth month, List<List<Day>> weeks, List<Stored> custom) {

    /** @param date null for the days of the neighbouring months that fill the first and last week */
    record Day(LocalDate date, List<Stored> reports) {
    }

    static ReportCalendar of(YearMonth month, List<Stored> reportsEndingInMonth) {
        Map<LocalDate, List<Stored>> byEnd = reportsEndingInMonth.stream()
                .filter(r -> r.period().type() != ReportType.CUSTOM)
                .collect(Collectors.groupingBy(r -> r.period().end()));
        List<List<Day>> weeks = new ArrayList<>();
        LocalDate first = month.atDay(1);
        int lead = first.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        List<Day> week = new ArrayList<>();
        for (int i = 0; i < lead; i++) {
            week.add(new Day(null, List.of()));
        }
        for (LocalDate d = first; !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            week.add(new Day(d, byEnd.getOrDefault(d, List.of())));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new Day(null, List.of()));
            }
            weeks.add(week);
        }
        return new ReportCalendar(month, weeks, reportsEndingInMonth.stream()
                .filter(r -> r.period().type() == ReportType.CUSTOM).toList());
    }
}
