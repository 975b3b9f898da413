package tmsp.maintenance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PurgeCronTest {

    @Test
    void sixFieldSpringCronOrADashIsASchedule() {
        assertThat(PurgeCron.isValid("0 30 3 * * *")).isTrue();
        assertThat(PurgeCron.isValid(" 0 15 4 * * SUN ")).isTrue();
        assertThat(PurgeCron.isValid("-")).isTrue();
        assertThat(PurgeCron.isValid("0 30 3 * *")).isFalse();
        assertThat(PurgeCron.isValid("61 * * * * *")).isFalse();
        assertThat(PurgeCron.isValid("")).isFalse();
        assertThat(PurgeCron.isValid(null)).isFalse();
        assertThat(PurgeCron.isValid("0 0 0 * * " + "MON,".repeat(40) + "MON")).isFalse(); // longer than the column
    }

    @Test
    void theNextPurgeIsInTheConfiguredZone() {
        Instant now = Instant.parse("2026-12-01T23:00:00Z");
        assertThat(PurgeCron.next("0 30 3 * * *", now, ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-12-02T03:30:00Z"));
        assertThat(PurgeCron.next("0 30 3 * * *", now, ZoneId.of("Europe/Berlin")))
                .isEqualTo(Instant.parse("2026-12-02T02:30:00Z"));
        assertThat(PurgeCron.next("-", now, ZoneOffset.UTC)).isNull();
    }

    @Test
    void aBadConfiguredScheduleStopsTheStart() {
        assertThatThrownBy(() -> new MaintenanceSettings("daily", ZoneOffset.UTC, 200))
                .hasMessageContaining("tmsp.maintenance.cron");
        assertThatThrownBy(() -> new MaintenanceSettings("0 30 3 * * *", ZoneOffset.UTC, 0))
                .hasMessageContaining("runs-kept");
    }

    @Test
    void storageIsShownIn1024Steps() {
        assertThat(StorageRow.human(0)).isEqualTo("0 B");
        assertThat(StorageRow.human(1023)).isEqualTo("1023 B");
        assertThat(StorageRow.human(8192)).isEqualTo("8.0 KB");
        assertThat(StorageRow.human(1536L * 1024 * 1024)).isEqualTo("1.5 GB");
    }
}
