package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportingDaysTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theFiveDaysAreYesterdayAndTheFourBeforeInThePortalsZone() {
        ReportingDays days = ReportingDays.before(LocalDate.parse("2026-12-02"), BERLIN);

        assertThat(days.days()).extracting(ReportingDays.Period::label)
                .containsExactly("2026-12-01", "2026-11-30", "2026-11-29", "2026-11-28", "2026-11-27");
        assertThat(days.yesterday().start()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(days.yesterday().end()).isEqualTo(Instant.parse("2026-12-01T23:00:00Z"));
        assertThat(days.from()).isEqualTo(Instant.parse("2026-11-26T23:00:00Z"));
        assertThat(days.to()).isEqualTo(days.yesterday().end());
        for (int d = 1; d < days.days().size(); d++) {
            assertThat(days.days().get(d).end()).as("days follow each other").isEqualTo(days.days().get(d - 1).start());
        }
    }

    @Test
    void yesterdayHas24HoursOnAnOrdinaryDay() {
        ReportingDays days = ReportingDays.before(LocalDate.parse("2026-12-02"), BERLIN);

        assertThat(days.hours()).hasSize(24);
        assertThat(days.hours().get(0).label()).isEqualTo("00:00");
        assertThat(days.hours().get(23).label()).isEqualTo("23:00");
        assertThat(days.hours().get(23).end()).isEqualTo(days.yesterday().end());
    }

    @Test
    void theDayTheClocksGoForwardHas23HoursAndTheDayTheyGoBack25() {
        ReportingDays spring = ReportingDays.before(LocalDate.parse("2026-03-30"), BERLIN);
        assertThat(spring.hours()).hasSize(23);
        assertThat(spring.hours()).extracting(ReportingDays.Period::label).startsWith("00:00", "01:00", "03:00");

        ReportingDays autumn = ReportingDays.before(LocalDate.parse("2026-10-26"), BERLIN);
        assertThat(autumn.hours()).hasSize(25);
        assertThat(autumn.hours()).extracting(ReportingDays.Period::label).startsWith("00:00", "01:00", "02:00", "02:00", "03:00");
        assertThat(Duration.between(autumn.yesterday().start(), autumn.yesterday().end())).isEqualTo(Duration.ofHours(25));
        assertThat(autumn.hours().get(24).end()).isEqualTo(autumn.yesterday().end());
    }

    @Test
    void aZoneWithAHalfHourOffsetStillCountsWholeHoursFromMidnight() {
        ReportingDays days = ReportingDays.before(LocalDate.parse("2026-12-02"), ZoneId.of("Asia/Kolkata"));

        assertThat(days.hours()).hasSize(24);
        assertThat(days.hours().get(0).start()).isEqualTo(Instant.parse("2026-11-30T18:30:00Z"));
        assertThat(days.hours().get(5).label()).isEqualTo("05:00");
    }
}
