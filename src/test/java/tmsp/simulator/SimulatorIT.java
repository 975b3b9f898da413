package tmsp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.FreeSyslogPort;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** The simulator's HTTP path against the real portal on PostgreSQL: what it reports accepted is what is stored. */
@IntegrationTest
class SimulatorIT {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    @Test
    void whatTheSimulatorReportsIsWhatThePortalStored() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Simulated");
        Simulation simulation = new Simulation(SimulatorOptions.parse(new String[] {
                "--url", "http://127.0.0.1:" + port, "--registration-user", account.registrationUser(),
                "--registration-password", TestAccounts.PASSWORD, "--appliances", "3", "--mitigators", "1",
                "--events", "1200", "--rate", "0", "--span", "3h", "--malformed-percent", "2", "--batch", "300",
                "--gzip", "--seed", "99"}, Instant.now()));
        Plan plan = simulation.plan();

        SimulationReport report = simulation.run();

        assertThat(report.problems()).isEmpty();
        assertThat(report.registered()).isEqualTo(4);
        assertThat(report.heartbeats()).isEqualTo(4);
        assertThat(report.accepted() + report.rejected()).isEqualTo(plan.lines());
        assertThat(report.rejected()).isEqualTo(plan.malformed()).isPositive();
        long id = account.id();
        assertThat(count("select count(*) from detections where account_id = ?", id)).isEqualTo(report.accepted());
        assertThat(count("select coalesce(sum(accepted), 0) from uploads where account_id = ?", id)).isEqualTo(report.accepted());
        assertThat(count("select count(*) from uploads where account_id = ?", id)).isEqualTo(report.uploads());
        assertThat(count("select count(*) from quarantined_lines where account_id = ?", id)).isEqualTo(report.rejected());
        assertThat(count("select count(*) from products where account_id = ? and token_hash is not null"
                + " and last_heartbeat_at is not null", id)).isEqualTo(4);
        assertThat(count("select count(*) from products where account_id = ? and type = 'DISCOVERY'"
                + " and last_received is not null", id)).isEqualTo(3);
        assertThat(count("select count(*) from accounts where id = ? and last_received is not null", id)).isOne();
        for (Plan.Planted planted : plan.planted()) {
            assertThat(stored(planted, id)).as(planted.summary()).isEqualTo(planted.lines());
        }
    }

    @Test
    void aTimeLapseSendsMinutesOfTimelineInSecondsNeverDatedAheadOfTheClock() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Time-lapse");
        Simulation simulation = new Simulation(SimulatorOptions.parse(new String[] {
                "--url", "http://127.0.0.1:" + port, "--registration-user", account.registrationUser(),
                "--registration-password", TestAccounts.PASSWORD, "--appliances", "2", "--rate", "100",
                "--duration", "3s", "--speed", "60", "--scenarios", "none", "--seed", "5"}, Instant.now()));
        long started = System.nanoTime();

        SimulationReport report = simulation.run();
        Instant finished = Instant.now();

        assertThat(report.problems()).isEmpty();
        assertThat(report.accepted()).isEqualTo(300);
        // Three minutes of timeline in three ticks of a minute, one a second: the last goes two seconds after the
        // first (not all at once, and not three minutes as in real time).
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(30));
        long id = account.id();
        Duration dated = Duration.ofMillis(count("select (extract(epoch from max(event_time) - min(event_time)) * 1000)::bigint"
                + " from detections where account_id = ?", id));
        assertThat(dated).isBetween(Duration.ofSeconds(170), Duration.ofMinutes(3));
        assertThat(jdbc.queryForObject("select max(event_time) from detections where account_id = ?",
                java.sql.Timestamp.class, id).toInstant()).isBeforeOrEqualTo(finished);
    }

    @Test
    void overSyslogEveryLineTheSimulatorSentIsStoredOrQuarantined() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "SimulatedSyslog");
        Plan plan = null;
        for (String transport : new String[] {"syslog-tcp", "syslog-udp"}) {
            long before = count("select count(*) from detections where account_id = ?", account.id());
            Simulation simulation = new Simulation(SimulatorOptions.parse(new String[] {
                    "--url", "http://127.0.0.1:" + port, "--registration-user", account.registrationUser(),
                    "--registration-password", TestAccounts.PASSWORD, "--appliances", "2", "--events", "600",
                    "--rate", "0", "--span", "1h", "--transport", transport, "--syslog-port",
                    String.valueOf(FreeSyslogPort.port()), "--seed", "7"}, Instant.now()));
            plan = simulation.plan();
            SimulationReport report = simulation.run();
            assertThat(report.problems()).as(transport).isEmpty();
            assertThat(report.syslogLines()).as(transport).isEqualTo(600);
            // Syslog has no answer: wait until the portal's writer has stored what was sent.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> count("select count(*) from detections where account_id = ?", account.id()) - before >= 600);
            assertThat(count("select count(*) from detections where account_id = ?", account.id()) - before)
                    .as("%s: every line the simulator sent is stored for its account", transport).isEqualTo(600);
        }
        for (Plan.Planted planted : plan.planted()) {
            assertThat(count("select count(*) from detections where account_id = ? and device_external_id = ?",
                    account.id(), planted.applianceGuid())).isPositive();
        }
    }

    /** The stored detections of a planted attack, found by what the plan says about it. */
    private long stored(Plan.Planted planted, long accountId) {
        String where = "account_id = ? and device_external_id = ? and ";
        String host = planted.hosts().get(0);
        return switch (planted.scenario()) {
            case OUTBREAK -> {
                assertThat(jdbc.queryForObject("select count(distinct src_host) from detections where " + where
                        + "threat_name = ?", Long.class, accountId, planted.applianceGuid(), planted.malware()))
                        .isEqualTo(planted.hosts().size());
                yield count("select count(*) from detections where " + where + "threat_name = ?", accountId,
                        planted.applianceGuid(), planted.malware());
            }
            case C2_CALLBACK -> count("select count(*) from detections where " + where
                    + "src_host = ? and threat_name = ?", accountId, planted.applianceGuid(), host, planted.malware());
            case BRUTE_FORCE -> count("select count(*) from detections where " + where
                    + "src_address = ? and dst_host = ?", accountId, planted.applianceGuid(), planted.remote(), host);
            case LATERAL_MOVEMENT -> count("select count(*) from detections where " + where
                    + "src_host = ? and attack_phase = 'Lateral Movement'", accountId, planted.applianceGuid(), host);
        };
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
