package tmsp.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tmsp.incident.IncidentRecorder;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * URLs that name an incident rather than an account ({@code /incidents/{id}}, {@code /api/v1/incidents/{id}}):
 * every mapped one is walked as the customer of another account, who must get 403 or 404 and change nothing.
 */
@IntegrationTest
class IncidentScopeIT {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentRecorder recorder;
    @Autowired UserDetailsService users;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    record Endpoint(RequestMethod method, String pattern) {
    }

    List<Endpoint> incidentScopedEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/incidents/{id}") || pattern.startsWith("/api/v1/incidents/{id}")) {
                    (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                            .forEach(m -> endpoints.add(new Endpoint(m, pattern)));
                }
            }
        });
        return endpoints;
    }

    @Test
    void everyIncidentScopedUrlIsClosedToAnotherAccountsCustomer() throws Exception {
        TestAccounts.Created mine = TestAccounts.create(mvc, json, jdbc, "ScopeMine");
        TestAccounts.Created theirs = TestAccounts.create(mvc, json, jdbc, "ScopeTheirs");
        Instant at = Instant.parse("2026-08-01T10:00:00Z");
        IncidentFixtures fixtures = new IncidentFixtures(jdbc, recorder);
        long theirIncident = fixtures.incident(theirs.id(), "outbreak", "HIGH", "Their outbreak", at,
                at.plusSeconds(5), fixtures.detections(theirs.id(), at, 2, "theirs "));
        var customer = users.loadUserByUsername(mine.portalUser());

        List<Endpoint> endpoints = incidentScopedEndpoints();
        assertThat(endpoints).extracting(Endpoint::pattern)
                .contains("/incidents/{id}", "/incidents/{id}/status", "/api/v1/incidents/{id}", "/api/v1/incidents/{id}/status");
        List<String> open = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String url = endpoint.pattern().replace("{id}", String.valueOf(theirIncident));
            assertThat(url).as("a path variable this test does not know yet").doesNotContain("{");
            int status = mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(endpoint.method().name()), url)
                            .with(user(customer)).with(csrf()).param("status", "RESOLVED")
                            .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"RESOLVED\"}"))
                    .andReturn().getResponse().getStatus();
            if (status != 403 && status != 404) {
                open.add(endpoint + " -> " + status);
            }
        }
        assertThat(open).as("incident URLs a customer of another account could reach").isEmpty();
        assertThat(jdbc.queryForObject("select status from incidents where id = ?", String.class, theirIncident))
                .isEqualTo("OPEN");
    }
}
