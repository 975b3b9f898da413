package tmsp.report.internal;

import java.time.DayOfWeek;
import java.time.YearMonth;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which reports the night after {@code day} makes, in order: the day's; on Sundays (the day was a Saturday) the
 * week that just ended; on the 1st (the day was the last of its month) that month.
 */
final class ReportSchedule {

    private ReportSchedule() {
    }

    static List<ReportPeriod> dueAfter(LocalDate day) {
        List<ReportPeriod> due = new ArrayList<>();
        due.add(ReportPeriod.day(day));
        if (weeklyDue(day)) {
            due.add(ReportPeriod.weekOf(day));
        }
        if (monthlyDue(day)) {
            due.add(ReportPeriod.month(YearMonth.from(day)));
        }
        return due;
    }

    static boolean weeklyDue(LocalDate day) {
        return day.plusDays(1).getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    static boolean monthlyDue(LocalDate day) {
        return day.plusDays(1).getDayOfMonth() == 1;
    }
}
