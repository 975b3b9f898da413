package tmsp.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tmsp.incident.IncidentStatistics.Count;
import tmsp.report.internal.ReportFigures.Bar;

class ReportFiguresTest {

    @Test
    void barsAreScaledToTheLongestAndAnyCountShows() {
        List<Bar> bars = ReportFigures.bars(List.of(new Count("a", 200), new Count("b", 50), new Count("c", 1),
                new Count("d", 0)));
        assertThat(bars).extracting(Bar::percent).containsExactly(100, 25, 1, 0);
    }

    @Test
    void everySeverityIsListedMostSevereFirstEvenWithoutIncidents() {
        assertThat(ReportFigures.severityBars(Map.of("LOW", 4L, "HIGH", 2L)))
                .extracting(Bar::label, Bar::count, Bar::percent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CRITICAL", 0L, 0),
                        org.assertj.core.groups.Tuple.tuple("HIGH", 2L, 50),
                        org.assertj.core.groups.Tuple.tuple("MEDIUM", 0L, 0),
                        org.assertj.core.groups.Tuple.tuple("LOW", 4L, 100),
                        org.assertj.core.groups.Tuple.tuple("INFORMATIONAL", 0L, 0));
    }

    @Test
    void trendsCompareWithThePreviousPeriod() {
        assertThat(ReportFigures.trend("T", 15, 10)).satisfies(t -> {
            assertThat(t.percent()).isEqualTo(50);
            assertThat(t.direction()).isEqualTo("up");
        });
        assertThat(ReportFigures.trend("T", 5, 10).percent()).isEqualTo(-50);
        assertThat(ReportFigures.trend("T", 5, 10).direction()).isEqualTo("down");
        assertThat(ReportFigures.trend("T", 3, 0).percent()).as("nothing to compare with").isNull();
        assertThat(ReportFigures.trend("T", 0, 0).direction()).isEqualTo("same");
    }

    @Test
    void dayBarsAreLabelledByDayOfMonth() {
        assertThat(ReportFigures.dayBars(LocalDate.of(2026, 2, 27), List.of(1L, 2L, 4L)))
                .extracting(Bar::label, Bar::percent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("27", 25), org.assertj.core.groups.Tuple.tuple("28", 50),
                        org.assertj.core.groups.Tuple.tuple("1", 100));
    }

    @Test
    void periodsAndTheirPredecessors() {
        ReportPeriod week = ReportPeriod.weekOf(LocalDate.of(2026, 11, 4)); // a Wednesday
        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 11, 1)); // Sunday
        assertThat(week.end()).isEqualTo(LocalDate.of(2026, 11, 7)); // Saturday
        assertThat(week.previous()).isEqualTo(new ReportPeriod(ReportType.WEEKLY, LocalDate.of(2026, 10, 25),
                LocalDate.of(2026, 10, 31)));
        ReportPeriod march = ReportPeriod.month(YearMonth.of(2026, 3));
        assertThat(march.previous()).isEqualTo(new ReportPeriod(ReportType.MONTHLY, LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 28)));
        assertThat(ReportPeriod.day(LocalDate.of(2026, 3, 1)).previous().start()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(ReportPeriod.custom(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10)).previous())
                .isEqualTo(ReportPeriod.custom(LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 28)));
        assertThatThrownBy(() -> ReportPeriod.custom(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNightAfterASaturdayMakesTheWeekAndAfterTheLastOfAMonthTheMonth() {
        assertThat(ReportSchedule.dueAfter(LocalDate.of(2026, 11, 4))).extracting(ReportPeriod::type)
                .containsExactly(ReportType.DAILY);
        assertThat(ReportSchedule.dueAfter(LocalDate.of(2026, 11, 7))) // Saturday: generated on Sunday the 8th
                .containsExactly(ReportPeriod.day(LocalDate.of(2026, 11, 7)), ReportPeriod.weekOf(LocalDate.of(2026, 11, 1)));
        assertThat(ReportSchedule.dueAfter(LocalDate.of(2026, 11, 30))) // generated on the 1st
                .containsExactly(ReportPeriod.day(LocalDate.of(2026, 11, 30)), ReportPeriod.month(YearMonth.of(2026, 11)));
        assertThat(ReportSchedule.dueAfter(LocalDate.of(2026, 10, 31))).extracting(ReportPeriod::type)
                .as("a Saturday that ends a month: daily, weekly, monthly in that order")
                .containsExactly(ReportType.DAILY, ReportType.WEEKLY, ReportType.MONTHLY);
    }
}
