package tmsp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CorrelationSettingsTest {

    static CorrelationSettings in(String zone) {
        return new CorrelationSettings("0 0 2 * * *", ZoneId.of(zone), 3, Duration.ofMinutes(5), Duration.ofDays(14), 3);
    }

    @Test
    void yesterdayAndTheDaysBoundsAreCountedInTheConfiguredZone() {
        Instant lateEveningUtc = Instant.parse("2026-12-01T23:30:00Z");
        assertThat(in("UTC").yesterday(lateEveningUtc)).isEqualTo(LocalDate.parse("2026-11-30"));
        // Already 00:30 on 2 December in Berlin.
        assertThat(in("Europe/Berlin").yesterday(lateEveningUtc)).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(in("Europe/Berlin").startOf(LocalDate.parse("2026-12-01")).toInstant())
                .isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        // The day summer time ends is 25 hours long.
        var autumn = in("Europe/Berlin").startOf(LocalDate.parse("2026-10-25"));
        assertThat(Duration.between(autumn, autumn.plusDays(1))).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void theRetryCycleIsCamundasNotation() {
        assertThat(in("UTC").retryCycle()).isEqualTo("R3/PT5M");
        assertThat(new CorrelationSettings("-", ZoneId.of("UTC"), 1, Duration.ofSeconds(90), Duration.ofDays(1), 3)
                .retryCycle()).isEqualTo("R1/PT1M30S");
    }

    @Test
    void noTriesOrNoDelayIsRefusedAtStart() {
        assertThatThrownBy(() -> new CorrelationSettings("-", ZoneId.of("UTC"), 0, Duration.ofMinutes(5), Duration.ofDays(14), 3))
                .hasMessageContaining("job-retries");
        assertThatThrownBy(() -> new CorrelationSettings("-", ZoneId.of("UTC"), 3, Duration.ZERO, Duration.ofDays(14), 3))
                .hasMessageContaining("retry-delay");
        assertThatThrownBy(() -> new CorrelationSettings("-", ZoneId.of("UTC"), 3, Duration.ofMinutes(5), Duration.ofDays(14), -1))
                .hasMessageContaining("catch-up-nights");
        assertThatThrownBy(() -> new CorrelationSettings("-", ZoneId.of("UTC"), 3, Duration.ofMinutes(5), Duration.ofDays(14), 32))
                .hasMessageContaining("catch-up-nights");
    }
}
