package tmsp.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import tmsp.incident.IncidentStatus;

/** Reading a list's parameters: dates as whole days in the portal's zone, times as given, clear refusals. */
class IncidentCriteriaTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static IncidentCriteria parse(String from, String to, String severity, String status, Integer size) {
        return IncidentCriteria.parse(1L, from, to, severity, null, status, null, size, null, BERLIN);
    }

    @Test
    void datesAreWholeDaysInTheZoneAndTimesAreTakenAsGiven() {
        IncidentCriteria days = parse("2026-06-10", "2026-06-10", "high", "acknowledged", null);
        assertThat(days.from()).isEqualTo(Instant.parse("2026-06-09T22:00:00Z"));
        assertThat(days.to()).isEqualTo(Instant.parse("2026-06-10T22:00:00Z"));
        assertThat(days.severity()).isEqualTo("HIGH");
        assertThat(days.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(days.size()).isEqualTo(IncidentCriteria.DEFAULT_SIZE);
        IncidentCriteria times = parse("2026-06-10T10:00:00+02:00", "2026-06-10T12:00:00Z", "", " ", 500);
        assertThat(times.from()).isEqualTo(Instant.parse("2026-06-10T08:00:00Z"));
        assertThat(times.to()).isEqualTo(Instant.parse("2026-06-10T12:00:00Z"));
        assertThat(times.severity()).isNull();
        assertThat(times.status()).isNull();
    }

    @Test
    void everyBadParameterIsNamed() {
        assertThatThrownBy(() -> parse("10.06.2026", null, null, null, null)).isInstanceOfSatisfying(
                BadIncidentRequest.class, e -> assertThat(e.parameter()).isEqualTo("from"));
        assertThatThrownBy(() -> parse("2026-06-11", "2026-06-10", null, null, null)).isInstanceOfSatisfying(
                BadIncidentRequest.class, e -> assertThat(e.getMessage()).isEqualTo("from must be before to"));
        assertThatThrownBy(() -> parse(null, null, "SEVERE", null, null)).isInstanceOfSatisfying(
                BadIncidentRequest.class, e -> assertThat(e.parameter()).isEqualTo("severity"));
        assertThatThrownBy(() -> parse(null, null, null, "CLOSED", null)).isInstanceOfSatisfying(
                BadIncidentRequest.class, e -> assertThat(e.parameter()).isEqualTo("status"));
        assertThatThrownBy(() -> parse(null, null, null, null, 501)).isInstanceOfSatisfying(
                BadIncidentRequest.class, e -> assertThat(e.parameter()).isEqualTo("size"));
        assertThatThrownBy(() -> IncidentCriteria.number("page", "two")).isInstanceOf(BadIncidentRequest.class);
    }

    @Test
    void suppressedIncidentsAreLeftOutUnlessAskedFor() {
        assertThat(parse(null, null, null, null, null).suppressed()).isEqualTo(IncidentCriteria.Suppressed.FALSE);
        assertThat(IncidentCriteria.Suppressed.parse(" ")).isEqualTo(IncidentCriteria.Suppressed.FALSE);
        assertThat(IncidentCriteria.Suppressed.parse("True")).isEqualTo(IncidentCriteria.Suppressed.TRUE);
        assertThat(IncidentCriteria.Suppressed.parse("any")).isEqualTo(IncidentCriteria.Suppressed.ANY);
        assertThat(parse(null, null, null, null, null).with(IncidentCriteria.Suppressed.ANY).withPage(2).suppressed())
                .isEqualTo(IncidentCriteria.Suppressed.ANY);
        for (String bad : new String[] {"yes", "1", "any;drop", "x".repeat(10_000)}) {
            assertThatThrownBy(() -> IncidentCriteria.Suppressed.parse(bad)).isInstanceOfSatisfying(
                    BadIncidentRequest.class, e -> assertThat(e.parameter()).isEqualTo("suppressed"));
        }
    }
}
