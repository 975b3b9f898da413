package tmsp.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tmsp.incident.IncidentRecorder;
import tmsp.support.IntegrationTest;
import tmsp.support.StatementCounter;
import tmsp.support.TestAccounts;

/** The incident pages: lists with filters, the detail with its evidence, status buttons, the account card, scope. */
@IntegrationTest
class IncidentPagesIT {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentRecorder recorder;
    @Autowired UserDetailsService users;

    RequestPostProcessor analyst = user("ann").roles("ANALYST");
    TestAccounts.Created mine;
    TestAccounts.Created theirs;
    long high;
    long low;
    long theirIncident;
    String tag;

    @BeforeEach
    void incidentsOfTwoAccounts() throws Exception {
        mine = TestAccounts.create(mvc, json, jdbc, "IncPages");
        theirs = TestAccounts.create(mvc, json, jdbc, "IncPagesOther");
        tag = mine.portalUser();
        IncidentFixtures fixtures = new IncidentFixtures(jdbc, recorder);
        Instant recent = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.DAYS);
        high = fixtures.incident(mine.id(), "brute-force", "HIGH", "Brute force " + tag, recent, recent.plusSeconds(40),
                fixtures.detections(mine.id(), recent, 30, "raw-" + tag + "-"));
        low = fixtures.incident(mine.id(), "sweep", "LOW", "Sweep " + tag, recent.plusSeconds(100),
                recent.plusSeconds(200), List.of());
        theirIncident = fixtures.incident(theirs.id(), "sweep", "LOW", "Theirs " + tag, recent, recent.plusSeconds(1),
                List.of());
    }

    MockHttpServletResponse page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    String html(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = page(request);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    @Test
    void staffSeeEveryAccountsIncidentsAndFilterThem() throws Exception {
        String all = html(get("/incidents").param("rule", "").with(analyst));
        assertThat(all).contains("Brute force " + tag, "Sweep " + tag, "Theirs " + tag, mine.name(), theirs.name());
        assertThat(all).contains("href=\"/incidents\"").as("the menu entry");

        String lowOnly = html(get("/incidents").param("severity", "LOW").with(analyst));
        assertThat(lowOnly).contains("Sweep " + tag, "Theirs " + tag).doesNotContain("Brute force " + tag);
        String ofMine = html(get("/accounts/" + mine.id() + "/incidents").param("status", "OPEN").with(analyst));
        assertThat(ofMine).contains("Brute force " + tag, "Sweep " + tag).doesNotContain("Theirs " + tag);
        String before = html(get("/accounts/" + mine.id() + "/incidents").param("to", "2020-01-01").with(analyst));
        assertThat(before).contains("id=\"incidents-empty\"");
        String paged = html(get("/accounts/" + mine.id() + "/incidents").param("size", "10").param("dir", "asc")
                .with(analyst));
        assertThat(paged.indexOf("Brute force " + tag)).as("oldest last seen first").isLessThan(paged.indexOf("Sweep " + tag));

        String bad = html(get("/accounts/" + mine.id() + "/incidents").param("from", "not-a-date").with(analyst));
        assertThat(bad).contains("id=\"filter-error\"", "The start date is not a date");
    }

    @Test
    void theListAcrossAccountsReadsTheAccountNamesInOneStatement() throws Exception {
        IncidentFixtures fixtures = new IncidentFixtures(jdbc, recorder);
        Instant recent = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
        for (int i = 0; i < 4; i++) {
            TestAccounts.Created more = TestAccounts.create(mvc, json, jdbc, "IncPagesMore" + i);
            fixtures.incident(more.id(), "sweep", "LOW", "More " + i + " " + tag, recent, recent.plusSeconds(1), List.of());
        }
        int[] statements = new int[2];
        String[] sizes = {"1", "50"};
        for (int i = 0; i < sizes.length; i++) {
            StatementCounter.reset();
            html(get("/incidents").param("size", sizes[i]).with(analyst));
            statements[i] = StatementCounter.count();
        }
        // A full page of one also counts the rows; a page of six or more accounts must not add one per account.
        assertThat(statements[1]).as("a page of one account and a page of six or more")
                .isLessThanOrEqualTo(statements[0]);
    }

    @Test
    void theDetailShowsEvidencePagedAndTheStatusButtonsWork() throws Exception {
        String detail = html(get("/incidents/" + high).with(analyst));
        assertThat(detail).contains("Brute force " + tag, "raw-" + tag + "-0", "raw-" + tag + "-24", "alice",
                "id=\"acknowledge\"", "id=\"resolve\"", "Evidence (30 detections)").doesNotContain("raw-" + tag + "-25<");
        assertThat(html(get("/incidents/" + high).param("evidencePage", "1").with(analyst)))
                .contains("raw-" + tag + "-29").doesNotContain("raw-" + tag + "-0<");

        assertThat(page(post("/incidents/" + high + "/status").param("status", "ACKNOWLEDGED").with(analyst))
                .getStatus()).as("without CSRF token").isEqualTo(403);
        MockHttpServletResponse done = page(post("/incidents/" + high + "/status").param("status", "ACKNOWLEDGED")
                .with(analyst).with(csrf()));
        assertThat(done.getRedirectedUrl()).isEqualTo("/incidents/" + high);
        assertThat(html(get("/incidents/" + high).with(analyst))).contains("id=\"acknowledged-by\"", "ann")
                .doesNotContain("id=\"acknowledge\"");
        page(post("/incidents/" + high + "/status").param("status", "RESOLVED").with(analyst).with(csrf()));
        var refused = mvc.perform(post("/incidents/" + high + "/status").param("status", "ACKNOWLEDGED")
                .with(analyst).with(csrf())).andReturn();
        assertThat(refused.getFlashMap().get("error")).isEqualTo("incident.status.illegal");
        assertThat(jdbc.queryForObject("select status from incidents where id = ?", String.class, high)).isEqualTo("RESOLVED");
    }

    @Test
    void theAccountPageCarriesTheIncidentsCard() throws Exception {
        String account = html(get("/accounts/" + mine.id()).with(analyst));
        assertThat(account).contains("id=\"incidents-card\"", "id=\"incident-trend\"", "/js/bar-chart.js",
                "/webjars/chart.js/4.4.1/dist/chart.umd.js", "action=\"/api/v1/accounts/" + mine.id() + "/consolidated-logs\"");
        assertThat(account).containsPattern("id=\"unresolved-HIGH\"[^>]*>High: 1<");
        assertThat(account).containsPattern("id=\"unresolved-LOW\"[^>]*>Low: 1<");
        assertThat(account).containsPattern("data-counts=\"(0,){27}2,0,0\"");
        assertThat(page(get("/webjars/chart.js/4.4.1/dist/chart.umd.js")).getStatus()).isEqualTo(200);
        assertThat(page(get("/js/bar-chart.js")).getStatus()).isEqualTo(200);
    }

    @Test
    void aCustomerSeesOnlyItsOwnAccountsIncidents() throws Exception {
        RequestPostProcessor customer = user(users.loadUserByUsername(mine.portalUser()));
        String own = html(get("/accounts/" + mine.id() + "/incidents").with(customer));
        assertThat(own).contains("Brute force " + tag).doesNotContain("Theirs " + tag).doesNotContain("href=\"/incidents\"");
        assertThat(html(get("/incidents/" + high).with(customer))).contains("raw-" + tag + "-0")
                .doesNotContain("id=\"acknowledge\"");
        assertThat(page(get("/incidents").with(customer)).getStatus()).isEqualTo(403);
        assertThat(page(get("/accounts/" + theirs.id() + "/incidents").with(customer)).getStatus()).isEqualTo(403);
        assertThat(page(get("/incidents/" + theirIncident).with(customer)).getStatus()).isEqualTo(404);
        assertThat(page(post("/incidents/" + high + "/status").param("status", "RESOLVED").with(customer).with(csrf()))
                .getStatus()).isEqualTo(403);
    }
}
