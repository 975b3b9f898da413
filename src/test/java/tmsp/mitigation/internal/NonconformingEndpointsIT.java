package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.Browser;
import tmsp.support.IntegrationTest;
import tmsp.support.StatementCounter;
import tmsp.support.TestAccounts;

/**
 * The nonconforming endpoints page on PostgreSQL: the five-day table, the hours chart and the issues from
 * hand-placed reports, then the same page over a quarter of a million reports in a bounded number of statements.
 */
@IntegrationTest
class NonconformingEndpointsIT {

    @Autowired NonconformingQuery query;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Value("${tmsp.time-zone}") ZoneId zone;
    @LocalServerPort int port;

    MitigationData data;
    TestAccounts.Created account;
    long tms;
    ReportingDays days;
    CleanupPattern deployed;

    @BeforeEach
    void reports() throws Exception {
        data = MitigationData.of(context);
        account = TestAccounts.create(mvc, json, jdbc, "Nonconforming");
        tms = data.mitigator(account.id(), "tms-nc-" + account.id());
        days = ReportingDays.before(LocalDate.now(zone), zone);
        long a = account.id();
        // ws-1: 3 unresolved yesterday (hours 2, 2, 5) and a resolved one (not counted), 2 failures three days ago,
        // 1 manual cleanup five days ago; outside the window six days ago and today.
        report(a, "10.9.0.1", "ws-1", "UNRESOLVED", at(0, 2));
        report(a, "10.9.0.1", "ws-1", "UNRESOLVED", at(0, 2));
        report(a, "10.9.0.1", "ws-1", "UNRESOLVED", at(0, 5));
        report(a, "10.9.0.1", "ws-1", "RESOLVED", at(0, 7));
        report(a, "10.9.0.1", "ws-1", "MITIGATION_FAILED", at(2, 10));
        report(a, "10.9.0.1", "ws-1", "MITIGATION_FAILED", at(2, 11));
        report(a, "10.9.0.1", "ws-1", "MANUAL_CLEANUP_NEEDED", at(4, 0));
        report(a, "10.9.0.1", "ws-1", "UNRESOLVED", days.from().minusSeconds(1));
        report(a, "10.9.0.1", "ws-1", "UNRESOLVED", days.to());
        // ws-2 only ever resolved; ws-4 nonconforming only before the window: neither is listed.
        report(a, "10.9.0.2", "ws-2", "RESOLVED", at(1, 3));
        report(a, "10.9.0.4", "ws-4", "UNRESOLVED", days.from().minusSeconds(7200));
        // db-3 in progress two days ago; lab-5 two mitigation exceptions yesterday (threat mitigation issues).
        report(a, "10.9.0.3", "db-3", "MITIGATION_IN_PROGRESS", at(1, 12));
        report(a, "10.9.0.5", "lab-5", "MITIGATION_EXCEPTION", at(0, 5));
        report(a, "10.9.0.5", "lab-5", "MITIGATION_EXCEPTION", at(0, 23));
        // Another account's reports of the same address count only there.
        TestAccounts.Created other = TestAccounts.create(mvc, json, jdbc, "Elsewhere");
        report(other.id(), "10.9.0.1", "ws-1", "UNRESOLVED", at(0, 2));
        // ws-1 sent two samples; the older one's pattern was deployed.
        MitigationCase older = data.newCase(a, tms, "tms", "10.9.0.1", "ws-1", "a.zip", "a", at(3, 1));
        data.newCase(a, tms, "tms", "10.9.0.1", "ws-1", "b.zip", "b", at(1, 1));
        data.vendorCase(older.id(), "VND-NC-" + older.id(), at(3, 2));
        deployed = data.pattern(data.cases.findById(older.id()).orElseThrow(), "CPR-NC", at(3, 3), tms, "tms");
        data.reported(deployed, tms, true, null);
    }

    @Test
    void theTableCountsEachDaysNonconformingReportsPerEndpoint() {
        NonconformingQuery.Table table = query.table(account.id(), days, "", 0, 25);

        assertThat(table.total()).isEqualTo(3);
        assertThat(table.endpoints()).extracting(NonconformingQuery.Endpoint::label)
                .containsExactly("10.9.0.1 (ws-1)", "10.9.0.5 (lab-5)", "10.9.0.3 (db-3)");
        NonconformingQuery.Endpoint ws1 = table.endpoints().get(0);
        assertThat(ws1.perDay()).containsExactly(3, 0, 2, 0, 1);
        assertThat(ws1.lastSampleReceived()).isEqualTo(at(1, 1));
        assertThat(ws1.lastPattern()).isEqualTo("CPR-NC r1");
        assertThat(ws1.lastPatternReleased()).isEqualTo(at(3, 3));
        assertThat(table.endpoints().get(1).perDay()).containsExactly(2, 0, 0, 0, 0);
        NonconformingQuery.Endpoint db3 = table.endpoints().get(2);
        assertThat(db3.perDay()).containsExactly(0, 1, 0, 0, 0);
        assertThat(db3.lastSampleReceived()).isNull();
        assertThat(db3.lastPattern()).isNull();
    }

    @Test
    void theFilterMatchesHostOrAddressAndTheTablePages() {
        assertThat(query.table(account.id(), days, "WS-", 0, 25).endpoints())
                .extracting(NonconformingQuery.Endpoint::ip).containsExactly("10.9.0.1");
        assertThat(query.table(account.id(), days, "10.9.0.5", 0, 25).endpoints())
                .extracting(NonconformingQuery.Endpoint::ip).containsExactly("10.9.0.5");
        assertThat(query.table(account.id(), days, "%", 0, 25).total()).isZero();
        NonconformingQuery.Table second = query.table(account.id(), days, "", 1, 2);
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.totalPages()).isEqualTo(2);
        assertThat(second.endpoints()).extracting(NonconformingQuery.Endpoint::ip).containsExactly("10.9.0.3");
        assertThat(query.table(account.id(), days, "", 7, 2).page()).as("beyond the end: the first page").isZero();
    }

    @Test
    void yesterdaysHoursCountEachEndpointOnceAndTheIssuesAreListedNewestFirst() {
        long[] hours = query.perHour(account.id(), days);
        long[] expected = new long[days.hours().size()];
        expected[2] = 1;
        expected[5] = 2;
        expected[days.hours().size() - 1] = 1;
        assertThat(hours).containsExactly(expected);

        NonconformingQuery.Issues issues = query.issues(account.id(), days, 20);
        assertThat(issues.total()).isEqualTo(2);
        assertThat(issues.issues()).extracting(NonconformingQuery.Issue::reportedAt).containsExactly(at(0, 23), at(0, 5));
        assertThat(issues.issues()).allSatisfy(i -> {
            assertThat(i.endpoint()).isEqualTo("10.9.0.5 (lab-5)");
            assertThat(i.productId()).isEqualTo(tms);
            assertThat(i.threat()).isEqualTo("TROJ_TEST");
        });
        NonconformingQuery.Issues capped = query.issues(account.id(), days, 1);
        assertThat(capped.issues()).extracting(NonconformingQuery.Issue::reportedAt).containsExactly(at(0, 23));
        assertThat(capped.total()).isEqualTo(2);
    }

    @Test
    void thePageShowsTheTableTheChartDataAndTheIssuesToTheAccountsCustomer() throws Exception {
        String html = mvc.perform(get("/accounts/" + account.id() + "/mitigation/nonconforming")
                        .with(user(users.loadUserByUsername(account.portalUser()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"endpoints\"", "10.9.0.1 (ws-1)", "10.9.0.3 (db-3)", "CPR-NC r1", "N/A",
                        days.days().get(0).label(), days.days().get(4).label(), "id=\"nonconforming-hours\"",
                        "data-counts=\"0,0,1,0,0,2,", "/js/bar-chart.js", "id=\"issues\"",
                        "No mitigation: mitigation exception", "tms-nc-" + account.id(), "TROJ_TEST")
                .doesNotContain("10.9.0.2", "10.9.0.4", "<script>");
        String filtered = mvc.perform(get("/accounts/" + account.id() + "/mitigation/nonconforming")
                        .param("q", "nothing-like-this").param("page", "-3")
                        .with(user("analyst").roles("ANALYST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(filtered).contains("id=\"endpoints-empty\"", "nothing-like-this", "id=\"issues\"");
        String big = mvc.perform(get("/accounts/" + account.id() + "/mitigation/nonconforming").param("page", "1")
                        .with(user("analyst").roles("ANALYST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(big).as("a page beyond the end shows the first").contains("10.9.0.1 (ws-1)");
    }

    @Test
    void theCustomerFollowsTheCardToTheChartWhichDrawsUnderTheContentSecurityPolicy() {
        try (Browser browser = Browser.open(port)) {
            browser.logIn(account.portalUser(), TestAccounts.PASSWORD);
            browser.waitForPath("/accounts/" + account.id());
            browser.clickAndLoad(By.id("mitigation-nonconforming-link"));
            browser.waitForPath("/accounts/" + account.id() + "/mitigation/nonconforming");
            assertThat(browser.text(By.id("endpoints"))).contains("10.9.0.1 (ws-1)");
            // Chart.js styles the canvas once it has drawn: proof its script ran under the CSP
            browser.waitFor(By.cssSelector("#nonconforming-hours[style*='box-sizing']"));
        }
    }

    @Test
    void aQuarterOfAMillionReportsAreAggregatedByTheDatabaseInTheSameFewStatements() throws Exception {
        TestAccounts.Created big = TestAccounts.create(mvc, json, jdbc, "Big");
        long product = data.mitigator(big.id(), "tms-big");
        // 250,000 reports over the five days and 1,000 addresses; every third one resolved.
        jdbc.update("""
                insert into endpoint_statuses (account_id, product_id, ip, hostname, status, threat, reported_at, received_at)
                select ?, ?, '10.20.' || (g % 200) || '.' || (g % 250), 'host-' || (g % 1000),
                       case when g % 3 = 0 then 'RESOLVED' when g % 3 = 1 then 'UNRESOLVED' else 'MITIGATION_FAILED' end,
                       'TROJ_BULK', cast(? as timestamp with time zone) + (g % 432000) * interval '1 second', now()
                from generate_series(1, 250000) g
                """, big.id(), product, Timestamp.from(days.from()));
        jdbc.execute("analyze endpoint_statuses");

        NonconformingQuery.Table table = query.table(big.id(), days, "", 0, 25);
        long expectedTotal = jdbc.queryForObject("select count(distinct ip) from endpoint_statuses where account_id = ?"
                + " and status <> 'RESOLVED' and reported_at >= ? and reported_at < ?", Long.class, big.id(),
                Timestamp.from(days.from()), Timestamp.from(days.to()));
        assertThat(table.total()).isEqualTo(expectedTotal).isEqualTo(1000);
        NonconformingQuery.Endpoint top = table.endpoints().get(0);
        for (int d = 0; d < 5; d++) {
            assertThat(top.perDay()[d]).as("day %d of %s", d, top.ip()).isEqualTo(jdbc.queryForObject(
                    "select count(*) from endpoint_statuses where account_id = ? and ip = ? and status <> 'RESOLVED'"
                            + " and reported_at >= ? and reported_at < ?", Long.class, big.id(), top.ip(),
                    Timestamp.from(days.days().get(d).start()), Timestamp.from(days.days().get(d).end())));
        }
        long[] hours = query.perHour(big.id(), days);
        for (int h = 0; h < hours.length; h++) {
            assertThat(hours[h]).as("hour %d", h).isEqualTo(jdbc.queryForObject(
                    "select count(distinct ip) from endpoint_statuses where account_id = ? and status <> 'RESOLVED'"
                            + " and reported_at >= ? and reported_at < ?", Long.class, big.id(),
                    Timestamp.from(days.hours().get(h).start()), Timestamp.from(days.hours().get(h).end())));
        }
        assertThat(query.issues(big.id(), days, 50).total()).isEqualTo(jdbc.queryForObject(
                "select count(*) from endpoint_statuses where account_id = ? and status = 'MITIGATION_FAILED'"
                        + " and reported_at >= ? and reported_at < ?", Long.class, big.id(),
                Timestamp.from(days.yesterday().start()), Timestamp.from(days.yesterday().end())));

        int small = statementsFor(account.id());
        int large = statementsFor(big.id());
        // account (with its collections), products, chart, table page (with its count) + samples + patterns, issues
        // (+ their count when more than shown): the same few statements for 14 reports and for 250,000.
        assertThat(large).as("statements %d and %d", small, large).isLessThanOrEqualTo(small + 1).isLessThanOrEqualTo(13);
    }

    /** The least of three looks: the counter sees every thread, and other threads' work is not the page's. */
    private int statementsFor(long accountId) throws Exception {
        int least = Integer.MAX_VALUE;
        for (int look = 0; look < 3; look++) {
            StatementCounter.reset();
            mvc.perform(get("/accounts/" + accountId + "/mitigation/nonconforming").with(user("analyst").roles("ANALYST")))
                    .andExpect(status().isOk());
            least = Math.min(least, StatementCounter.count());
        }
        return least;
    }

    /** {@code hour} hours into the day {@code back} days before yesterday (0 = yesterday). */
    private Instant at(int back, int hour) {
        return days.days().get(back).start().plusSeconds(hour * 3600L + 60);
    }

    private void report(long accountId, String ip, String host, String status, Instant at) {
        data.status(accountId, tms, ip, host, status, "TROJ_TEST", at);
    }
}
