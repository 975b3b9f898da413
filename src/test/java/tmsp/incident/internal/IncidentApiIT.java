package tmsp.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
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
import tmsp.support.TestAccounts;

/** The incident API on PostgreSQL: filters, paging, evidence, status changes, 400s and another account's customer. */
@IntegrationTest
class IncidentApiIT {

    static final Instant DAY = Instant.parse("2026-06-10T00:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentRecorder recorder;
    @Autowired UserDetailsService users;

    TestAccounts.Created mine;
    TestAccounts.Created theirs;
    long high;
    long low;
    long yesterday;
    long theirIncident;

    RequestPostProcessor analyst = user("ann").roles("ANALYST");

    @BeforeEach
    void incidentsOfTwoAccounts() throws Exception {
        mine = TestAccounts.create(mvc, json, jdbc, "IncApi");
        theirs = TestAccounts.create(mvc, json, jdbc, "IncApiOther");
        IncidentFixtures fixtures = new IncidentFixtures(jdbc, recorder);
        List<Long> evidence = fixtures.detections(mine.id(), DAY.plusSeconds(3600), 5, "line ");
        high = fixtures.incident(mine.id(), "brute-force", "HIGH", "Brute force on pc-1", DAY.plusSeconds(3600),
                DAY.plusSeconds(3604), evidence);
        low = fixtures.incident(mine.id(), "sweep", "LOW", "Sweep from pc-2", DAY.plusSeconds(7200),
                DAY.plusSeconds(7300), fixtures.detections(mine.id(), DAY.plusSeconds(7200), 1, "sweep "));
        yesterday = fixtures.incident(mine.id(), "brute-force", "HIGH", "Brute force yesterday",
                DAY.minusSeconds(7200), DAY.minusSeconds(7000), List.of());
        theirIncident = fixtures.incident(theirs.id(), "brute-force", "HIGH", "Theirs", DAY.plusSeconds(3600),
                DAY.plusSeconds(3700), fixtures.detections(theirs.id(), DAY.plusSeconds(3600), 1, "theirs "));
    }

    JsonNode ok(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    MockHttpServletResponse answer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    String incidents() {
        return "/api/v1/accounts/" + mine.id() + "/incidents";
    }

    @Test
    void listsTheAccountsIncidentsNewestFirstWithFilters() throws Exception {
        JsonNode all = ok(get(incidents()).with(analyst));
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("items")).extracting(n -> n.get("id").asLong()).containsExactly(low, high, yesterday);
        JsonNode first = all.get("items").get(1);
        assertThat(first.get("key").asText()).startsWith("brute-force:" + mine.id() + ":");
        assertThat(first.get("ruleId").asText()).isEqualTo("brute-force");
        assertThat(first.get("severity").asText()).isEqualTo("HIGH");
        assertThat(first.get("status").asText()).isEqualTo("OPEN");
        assertThat(first.get("attack").get(0).asText()).isEqualTo("T1110");
        assertThat(first.get("hosts").get(0).asText()).isEqualTo("pc-1");
        assertThat(first.get("addresses").get(0).asText()).isEqualTo("10.0.0.1");
        assertThat(first.get("threatNames").get(0).asText()).isEqualTo("TROJ_X");
        assertThat(first.get("firstSeen").asText()).isEqualTo("2026-06-10T01:00:00Z");
        assertThat(first.get("lastSeen").asText()).isEqualTo("2026-06-10T01:00:04Z");
        assertThat(first.get("detectionCount").asInt()).isEqualTo(5);

        assertThat(ok(get(incidents()).param("severity", "high").with(analyst)).get("items"))
                .extracting(n -> n.get("id").asLong()).containsExactly(high, yesterday);
        assertThat(ok(get(incidents()).param("rule", "sweep").with(analyst)).get("items"))
                .extracting(n -> n.get("id").asLong()).containsExactly(low);
        assertThat(ok(get(incidents()).param("from", "2026-06-10").param("to", "2026-06-10").with(analyst))
                .get("items")).extracting(n -> n.get("id").asLong()).containsExactly(low, high);
        assertThat(ok(get(incidents()).param("to", "2026-06-10T01:00:00Z").with(analyst)).get("items"))
                .as("to is exclusive").extracting(n -> n.get("id").asLong()).containsExactly(yesterday);

        JsonNode page = ok(get(incidents()).param("page", "1").param("size", "2").with(analyst));
        assertThat(page.get("items")).extracting(n -> n.get("id").asLong()).containsExactly(yesterday);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);

        ok(post("/api/v1/incidents/" + low + "/status").with(analyst).with(csrf()).contentType("application/json")
                .content("{\"status\":\"RESOLVED\"}"));
        assertThat(ok(get(incidents()).param("status", "open").with(analyst)).get("items"))
                .extracting(n -> n.get("id").asLong()).containsExactly(high, yesterday);
    }

    @Test
    void badParametersAreProblemDetails() throws Exception {
        String[][] bad = {{"from", "yesterday"}, {"to", "2026-13-01"}, {"severity", "SEVERE"}, {"status", "CLOSED"},
                {"size", "501"}, {"size", "0"}, {"page", "-1"}, {"page", "x"}};
        for (String[] param : bad) {
            MockHttpServletResponse response = answer(get(incidents()).param(param[0], param[1]).with(analyst));
            assertThat(response.getStatus()).as(param[0] + "=" + param[1]).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
        MockHttpServletResponse reversed = answer(get(incidents()).param("from", "2026-06-11").param("to", "2026-06-10")
                .with(analyst));
        assertThat(reversed.getStatus()).isEqualTo(400);
        assertThat(json.readTree(reversed.getContentAsString()).get("detail").asText()).contains("from must be before to");
        assertThat(answer(get("/api/v1/incidents/" + high).param("evidenceSize", "501").with(analyst)).getStatus())
                .isEqualTo(400);
        assertThat(answer(post("/api/v1/incidents/" + high + "/status").with(analyst).with(csrf()).contentType("application/json")
                .content("{\"status\":\"DONE\"}")).getStatus()).isEqualTo(400);
        assertThat(answer(get("/api/v1/accounts/" + mine.id() + "/consolidated-logs").param("format", "xml")
                .with(analyst)).getStatus()).isEqualTo(400);
    }

    @Test
    void oneIncidentCarriesItsEvidencePaged() throws Exception {
        JsonNode detail = ok(get("/api/v1/incidents/" + high).param("evidencePage", "1").param("evidenceSize", "2")
                .with(analyst));
        assertThat(detail.get("id").asLong()).isEqualTo(high);
        assertThat(detail.get("title").asText()).isEqualTo("Brute force on pc-1");
        JsonNode evidence = detail.get("evidence");
        assertThat(evidence.get("total").asLong()).isEqualTo(5);
        assertThat(evidence.get("items")).extracting(n -> n.get("raw").asText()).containsExactly("line 2", "line 3");
        assertThat(evidence.get("items").get(0).get("user").asText()).isEqualTo("alice");
        assertThat(answer(get("/api/v1/incidents/999999999").with(analyst)).getStatus()).isEqualTo(404);
    }

    @Test
    void statusChangesFollowTheLifeCycle() throws Exception {
        String url = "/api/v1/incidents/" + high + "/status";
        JsonNode acknowledged = ok(post(url).with(analyst).with(csrf()).contentType("application/json")
                .content("{\"status\":\"ACKNOWLEDGED\"}"));
        assertThat(acknowledged.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo("ann");
        ok(post(url).with(user("root").roles("ADMIN")).with(csrf()).contentType("application/json").content("{\"status\":\"RESOLVED\"}"));
        MockHttpServletResponse conflict = answer(post(url).with(analyst).with(csrf()).contentType("application/json")
                .content("{\"status\":\"ACKNOWLEDGED\"}"));
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(conflict.getContentType()).startsWith("application/problem+json");
        assertThat(ok(post(url).with(analyst).with(csrf()).contentType("application/json").content("{\"status\":\"OPEN\"}"))
                .get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void aCustomerReadsItsOwnIncidentsButNeitherChangesThemNorSeesAnotherAccounts() throws Exception {
        RequestPostProcessor customer = user(users.loadUserByUsername(mine.portalUser()));
        assertThat(ok(get(incidents()).with(customer)).get("total").asLong()).isEqualTo(3);
        assertThat(ok(get("/api/v1/incidents/" + high).with(customer)).get("id").asLong()).isEqualTo(high);
        assertThat(answer(post("/api/v1/incidents/" + high + "/status").with(customer).with(csrf()).contentType("application/json")
                .content("{\"status\":\"RESOLVED\"}")).getStatus()).isEqualTo(403);

        assertThat(answer(get("/api/v1/accounts/" + theirs.id() + "/incidents").with(customer)).getStatus()).isEqualTo(403);
        assertThat(answer(get("/api/v1/incidents/" + theirIncident).with(customer)).getStatus()).isEqualTo(404);
        assertThat(answer(get("/api/v1/accounts/" + theirs.id() + "/consolidated-logs").with(customer)).getStatus())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select status from incidents where id = ?", String.class, high)).isEqualTo("OPEN");
    }

    @Test
    void theIncidentApiIsDescribedInOpenApi() throws Exception {
        JsonNode paths = ok(get("/v3/api-docs").with(user("root").roles("ADMIN"))).get("paths");
        assertThat(paths.has("/api/v1/accounts/{id}/incidents")).isTrue();
        assertThat(paths.has("/api/v1/incidents/{id}")).isTrue();
        assertThat(paths.get("/api/v1/incidents/{id}/status").has("post")).isTrue();
        assertThat(paths.get("/api/v1/accounts/{id}/consolidated-logs").get("get").get("summary").asText())
                .contains("streamed");
    }
}
