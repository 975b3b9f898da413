package tmsp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00.700Z");

    static SimulatorOptions parse(String... args) {
        return SimulatorOptions.parse(args, NOW);
    }

    @Test
    void aDurationAtARateIsThatManyLinesStartingNow() {
        SimulatorOptions options = parse("--registration-user", "acme-appliances", "--registration-password", "pw",
                "--rate", "50", "--duration", "2m", "--transport", "syslog-udp", "--scenarios", "outbreak,brute-force");

        assertThat(options.lines()).isEqualTo(6000);
        assertThat(options.start()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(options.span()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.transport()).isEqualTo(SimulatorOptions.Transport.SYSLOG_UDP);
        assertThat(options.scenarios()).containsExactly(Scenario.OUTBREAK, Scenario.BRUTE_FORCE);
        assertThat(options.url().toString()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void aTimeLapseDatesTheLinesOverSpeedTimesTheSendingEndingWhenTheLastIsSent() {
        SimulatorOptions options = parse("--account", "a:b", "--rate", "200", "--duration", "10m", "--speed", "12");

        assertThat(options.lines()).isEqualTo(120_000);
        assertThat(options.span()).isEqualTo(Duration.ofHours(2));
        // Sending takes 10 minutes from now: the timeline starts 110 minutes back and reaches the clock at the end.
        assertThat(options.start()).isEqualTo(Instant.parse("2026-11-27T08:10:00Z"));
        assertThat(options.start().plus(options.span())).isEqualTo(Instant.parse("2026-11-27T10:10:00Z"));
        assertThat(parse("--account", "a:b", "--rate", "5").speed()).isEqualTo(1);

        assertThatThrownBy(() -> parse("--account", "a:b", "--rate", "0", "--speed", "2")).hasMessageContaining("rate");
        assertThatThrownBy(() -> parse("--account", "a:b", "--speed", "0.5")).hasMessageContaining("1 to 3600");
        assertThatThrownBy(() -> parse("--account", "a:b", "--speed", "fast")).hasMessageContaining("--speed");
    }

    @Test
    void atRateZeroTheLinesSpreadOverTheSpanUpToNow() {
        SimulatorOptions options = parse("--account", "a:p:with:colons", "--rate", "0", "--events", "10", "--span", "6h");

        assertThat(options.start()).isEqualTo(Instant.parse("2026-11-27T04:00:00Z"));
        assertThat(options.accounts().get(0).password()).isEqualTo("p:with:colons");
        assertThat(options.scenarios()).isEqualTo(EnumSet.allOf(Scenario.class));
    }

    @Test
    void appliancesAreDealtOutAmongAccountsAndKeepTheirGuidsForTheSameSeed() {
        SimulatorOptions options = parse("--account", "a:secret-1", "--account", "b:secret-2", "--appliances", "5",
                "--mitigators", "1", "--seed", "9");

        assertThat(options.accounts()).extracting(SimulatorOptions.Account::discoveries).containsExactly(3, 2);
        assertThat(options.accounts()).extracting(SimulatorOptions.Account::mitigators).containsExactly(1, 0);
        assertThat(options.fleet()).hasSize(6).extracting(SimulatedAppliance::account)
                .containsExactly("a", "a", "a", "b", "b", "a");
        assertThat(options.fleet()).extracting(SimulatedAppliance::guid).doesNotHaveDuplicates()
                .isEqualTo(parse("--account", "a:secret-1", "--account", "b:secret-2", "--appliances", "5", "--mitigators", "1",
                        "--seed", "9").fleet().stream().map(SimulatedAppliance::guid).toList());
        assertThat(options.toString()).as("printed options hide passwords").doesNotContain("secret");
    }

    @Test
    void mitigatorOptionsSetTheirReportsSamplesAndPatternPollingAndOffSwitchesThemOff() {
        SimulatorOptions defaults = parse("--account", "a:b", "--mitigators", "2");
        assertThat(defaults.mitigation()).isEqualTo(SimulatorOptions.Mitigation.DEFAULTS);
        assertThat(defaults.fleet()).filteredOn(a -> !a.discovery()).hasSize(2);

        SimulatorOptions options = parse("--account", "a:b", "--mitigators", "2", "--rate", "0", "--span", "6h",
                "--status-every", "1h", "--status-batch", "30", "--status-history", "5d",
                "--samples", "3", "--patterns-every", "10s", "--keep-polling", "2m");
        assertThat(options.mitigation()).isEqualTo(new SimulatorOptions.Mitigation(Duration.ofHours(1), 30,
                Duration.ofDays(5), 3, Duration.ofSeconds(10), Duration.ofMinutes(2)));
        MitigatorGenerator.Spec spec = options.mitigatorSpec();
        assertThat(spec.start()).isEqualTo(Instant.parse("2026-11-27T04:00:00Z"));
        assertThat(spec.span()).isEqualTo(Duration.ofHours(6));
        assertThat(MitigatorGenerator.reportTimes(spec)).hasSize(5 * 24 + 7)
                .last().isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));

        SimulatorOptions off = parse("--account", "a:b", "--mitigators", "1", "--status-every", "off", "--samples", "0",
                "--patterns-every", "off", "--keep-polling", "0");
        assertThat(off.mitigation()).isEqualTo(new SimulatorOptions.Mitigation(null, 20, Duration.ZERO, 0, null,
                Duration.ZERO));
        assertThatThrownBy(() -> parse("--account", "a:b", "--status-batch", "0")).hasMessageContaining("--status-batch");
        assertThatThrownBy(() -> parse("--account", "a:b", "--samples", "-1")).hasMessageContaining("--samples");
        assertThatThrownBy(() -> parse("--account", "a:b", "--patterns-every", "often"))
                .hasMessageContaining("--patterns-every");
    }

    @Test
    void wrongOptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> parse("--rate", "10")).hasMessageContaining("registration");
        assertThatThrownBy(() -> parse("--account", "a:b", "--transport", "smtp")).hasMessageContaining("syslog-tcp");
        assertThatThrownBy(() -> parse("--account", "a:b", "--events", "5", "--duration", "1m"))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> parse("--account", "a:b", "--scenarios", "ddos")).hasMessageContaining("ddos");
        assertThatThrownBy(() -> parse("--account", "a:b", "--duration", "soon")).hasMessageContaining("90s");
        assertThatThrownBy(() -> parse("--account", "a:b", "--appliances")).hasMessageContaining("needs a value");
    }
}
