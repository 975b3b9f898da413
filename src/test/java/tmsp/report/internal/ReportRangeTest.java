package tmsp.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRangeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final Period YEAR = Period.ofYears(1);

    String problem(LocalDate from, LocalDate to) {
        return new ReportRange(from, to).problem(TODAY, YEAR).orElse("ok");
    }

    @Test
    void aRangeIsInOrderInThePastAndShorterThanAYear() {
        assertThat(problem(TODAY.minusDays(7), TODAY.minusDays(1))).isEqualTo("ok");
        assertThat(problem(TODAY, TODAY)).as("today so far").isEqualTo("ok");
        assertThat(problem(TODAY.minusYears(1).plusDays(1), TODAY)).as("a year less a day").isEqualTo("ok");
        assertThat(problem(TODAY.minusYears(1), TODAY)).isEqualTo("report.range.tooLong");
        assertThat(problem(TODAY.minusDays(1), TODAY.minusDays(2))).isEqualTo("report.range.endBeforeStart");
        assertThat(problem(TODAY, TODAY.plusDays(1))).isEqualTo("report.range.future");
        assertThat(problem(null, TODAY)).isEqualTo("report.range.required");
        assertThat(problem(TODAY, null)).isEqualTo("report.range.required");
    }

    @Test
    void theCalendarHasWholeWeeksFromMondayWithEachReportOnItsLastDay() {
        StoredReports.Stored daily = stored(1, ReportPeriod.day(LocalDate.of(2026, 11, 7)));
        StoredReports.Stored weekly = stored(2, ReportPeriod.weekOf(LocalDate.of(2026, 11, 7)));
        StoredReports.Stored custom = stored(3, ReportPeriod.custom(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9)));
        ReportCalendar november = ReportCalendar.of(YearMonth.of(2026, 11), List.of(daily, weekly, custom));

        assertThat(november.weeks()).allSatisfy(week -> assertThat(week).hasSize(7));
        assertThat(november.weeks().get(0).get(5).date()).as("1 November 2026 is a Sunday").isNull();
        assertThat(november.weeks().get(0).get(6).date()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(november.weeks()).hasSize(6);
        ReportCalendar.Day seventh = november.weeks().get(1).get(5);
        assertThat(seventh.date()).isEqualTo(LocalDate.of(2026, 11, 7));
        assertThat(seventh.reports()).containsExactly(daily, weekly);
        assertThat(november.custom()).containsExactly(custom);
    }

    static StoredReports.Stored stored(long id, ReportPeriod period) {
        return new StoredReports.Stored(id, 1, period, "en", Instant.EPOCH, 100);
    }
}
