package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tmsp.mitigation.CaseStatus;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * A customer reaches only its own account's cases. Like AccountScopeIT (which walks the /accounts/{id} pages,
 * the Case List and nonconforming endpoints among them), this walks every mapped URL of a single case, page or
 * API, so a new one is covered the day it is added.
 */
@IntegrationTest
class MitigationScopeIT {

    static final List<String> CASE_URLS = List.of("/mitigation/cases/", "/api/v1/mitigation-cases/");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired MitigationCases cases;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    TestAccounts.Created mine;
    TestAccounts.Created theirs;
    MitigationCase myCase;
    MitigationCase theirCase;

    @BeforeEach
    void aCaseEach() throws Exception {
        MitigationData data = MitigationData.of(context);
        mine = TestAccounts.create(mvc, json, jdbc, "Mine");
        theirs = TestAccounts.create(mvc, json, jdbc, "Theirs");
        long myTms = data.mitigator(mine.id(), "tms-mine");
        long theirTms = data.mitigator(theirs.id(), "tms-theirs");
        myCase = data.newCase(mine.id(), myTms, "tms-mine", "10.0.0.1", "pc-1", "m.zip", "mine", Instant.now());
        theirCase = data.newCase(theirs.id(), theirTms, "tms-theirs", "10.0.0.2", "pc-2", "t.zip", "theirs", Instant.now());
    }

    record Endpoint(RequestMethod method, String pattern) {
        String url(long caseId) {
            String url = pattern.replace("{caseId}", String.valueOf(caseId)).replace("{id}", String.valueOf(caseId));
            assertThat(url).as("a path variable this test does not know yet: teach it here").doesNotContain("{");
            return url;
        }
    }

    List<Endpoint> caseEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (CASE_URLS.stream().anyMatch(pattern::startsWith)) {
                    (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                            .forEach(m -> endpoints.add(new Endpoint(m, pattern)));
                }
            }
        });
        return endpoints;
    }

    @Test
    void everyCaseUrlIsClosedToAnotherAccountsCustomer() throws Exception {
        List<Endpoint> endpoints = caseEndpoints();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/mitigation/cases/{caseId}",
                "/mitigation/cases/{caseId}/sample", "/api/v1/mitigation-cases/{id}");
        UserDetails customer = users.loadUserByUsername(mine.portalUser());

        List<String> open = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            int status = call(endpoint.method(), endpoint.url(theirCase.id()), customer);
            if (status != 403 && status != 404) {
                open.add(endpoint + " -> " + status);
            }
        }
        assertThat(open).as("case URLs a customer of another account could reach").isEmpty();
        MitigationCase after = cases.findById(theirCase.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(CaseStatus.SAMPLE_RECEIVED);
        assertThat(after.vendorCaseId()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from mitigation_case_steps where case_id = ?", Long.class,
                theirCase.id())).as("only the upload's step").isOne();
    }

    @Test
    void theCustomerReadsItsOwnCasesAndEndpointsButCannotDownloadSamples() throws Exception {
        UserDetails customer = users.loadUserByUsername(mine.portalUser());
        assertThat(call(RequestMethod.GET, "/accounts/" + mine.id() + "/mitigation/cases", customer)).isEqualTo(200);
        assertThat(call(RequestMethod.GET, "/accounts/" + mine.id() + "/mitigation/nonconforming", customer)).isEqualTo(200);
        assertThat(call(RequestMethod.GET, "/mitigation/cases/" + myCase.id(), customer)).isEqualTo(200);
        assertThat(call(RequestMethod.GET, "/api/v1/mitigation-cases/" + myCase.id(), customer)).isEqualTo(200);
        assertThat(call(RequestMethod.GET, "/mitigation/cases/" + myCase.id() + "/sample", customer)).isEqualTo(403);
        // Another account's lists: 403, like every account-scoped page.
        assertThat(call(RequestMethod.GET, "/accounts/" + theirs.id() + "/mitigation/cases", customer)).isEqualTo(403);
        assertThat(call(RequestMethod.GET, "/accounts/" + theirs.id() + "/mitigation/nonconforming", customer)).isEqualTo(403);
        assertThat(cases.findById(myCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.SAMPLE_RECEIVED);
    }

    private int call(RequestMethod method, String url, UserDetails who) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(method.name()), url)
                        .with(user(who)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse().getStatus();
    }
}
