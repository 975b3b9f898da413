package tmsp.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    @Test
    void dateRangesCoverWholeDaysInTheZoneAndForgiveReversedEnds() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        DateRange range = DateRange.of(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 1), berlin);
        assertThat(range.from()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(range.to()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(range.start()).isEqualTo(LocalDate.of(2026, 3, 1).atStartOfDay(berlin).toInstant());
        assertThat(range.end()).isEqualTo(LocalDate.of(2026, 3, 11).atStartOfDay(berlin).toInstant());
        DateRange lastWeek = DateRange.of(null, null, berlin);
        assertThat(lastWeek.to()).isEqualTo(LocalDate.now(berlin));
        assertThat(lastWeek.from()).isEqualTo(LocalDate.now(berlin).minusDays(6));
    }
}
