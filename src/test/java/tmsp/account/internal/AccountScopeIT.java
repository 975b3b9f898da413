package tmsp.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
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
import tmsp.identity.Administrators;
import tmsp.support.IntegrationTest;

/**
 * A customer reaches only its own account. Rather than a sample, this walks every mapped URL that
 * names an account ({id} under /accounts or /api/v1/accounts), so a new page is covered the day it is added.
 */
@IntegrationTest
class AccountScopeIT {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement management;
    @Autowired Administrators administrators;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    Account mine;
    Account theirs;
    AccountForm myForm;

    @BeforeEach
    void twoAccounts() {
        long admin = administrators.all().get(0).id();
        Set<Long> services = Set.copyOf(jdbc.queryForList("select id from services", Long.class));
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
        myForm = AccountFixtures.form("Mine " + suffix, admin, services);
        mine = management.create(myForm);
        theirs = management.create(AccountFixtures.form("Theirs " + suffix, admin, services));
        ContactForm contact = new ContactForm();
        contact.setName("Other");
        contact.setEmail("other-" + suffix + "@theirs.example");
        management.addContact(theirs.getId(), contact);
    }

    record Endpoint(RequestMethod method, String pattern) {
        /** Fills every path variable with the other account's things; an unknown variable fails the test. */
        String url(java.util.Map<String, Long> values) {
            String url = pattern;
            for (var value : values.entrySet()) {
                url = url.replace("{" + value.getKey() + "}", String.valueOf(value.getValue()));
            }
            assertThat(url).as("a path variable this test does not know yet: teach it in theirThings()").doesNotContain("{");
            return url;
        }
    }

    /** One of each thing the other account owns, by the path variable that names it. */
    java.util.Map<String, Long> theirThings() {
        jdbc.update("insert into products (account_id, type, hostname, guid, registered_at) values (?, 'DISCOVERY', 'theirs', ?, now())",
                theirs.getId(), java.util.UUID.randomUUID().toString());
        // a stored report of theirs (the reports module's calendar downloads, HTML view)
        jdbc.update("insert into reports (account_id, type, period_start, period_end, language, generated_at, size_bytes, pdf)"
                + " values (?, 'DAILY', date '2026-11-01', date '2026-11-01', 'en', now(), 4, ?)", theirs.getId(), new byte[] {1, 2, 3, 4});
        return java.util.Map.of(
                "id", theirs.getId(),
                "contactId", management.get(theirs.getId()).getContacts().get(0).getId(),
                "productId", jdbc.queryForObject("select max(id) from products where account_id = ?", Long.class, theirs.getId()),
                "reportId", jdbc.queryForObject("select max(id) from reports where account_id = ?", Long.class, theirs.getId()));
    }

    List<Endpoint> accountScopedEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if ((pattern.startsWith("/accounts/{id}") || pattern.startsWith("/api/v1/accounts/{id}"))) {
                    (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                            .forEach(m -> endpoints.add(new Endpoint(m, pattern)));
                }
            }
        });
        return endpoints;
    }

    @Test
    void everyAccountScopedUrlIsClosedToAnotherAccountsCustomer() throws Exception {
        List<Endpoint> endpoints = accountScopedEndpoints();
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(12); // the walk found the pages and the API
        java.util.Map<String, Long> things = theirThings();
        var customer = users.loadUserByUsername(myForm.getPortalUser());

        List<String> open = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            int status = mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(endpoint.method().name()),
                                    endpoint.url(things))
                            .with(user(customer)).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andReturn().getResponse().getStatus();
            if (status != 403 && status != 404) {
                open.add(endpoint + " -> " + status);
            }
        }
        assertThat(open).as("account-scoped URLs a customer of another account could reach").isEmpty();
        assertThat(management.find(theirs.getId())).isPresent();
        assertThat(management.get(theirs.getId()).getContacts()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from products where id = ? and account_id = ?", Long.class,
                things.get("productId"), theirs.getId())).isOne();
    }

    @Test
    void theCustomerSeesItsOwnAccountButNotTheListOrAdministration() throws Exception {
        var customer = users.loadUserByUsername(myForm.getPortalUser());
        assertThat(status("/accounts/" + mine.getId(), customer)).isEqualTo(200);
        assertThat(status("/api/v1/accounts/" + mine.getId(), customer)).isEqualTo(200);
        assertThat(status("/accounts", customer)).isEqualTo(403);
        assertThat(status("/api/v1/accounts", customer)).isEqualTo(403);
        assertThat(status("/admin/users", customer)).isEqualTo(403);
        assertThat(status("/admin/system-logs", customer)).isEqualTo(403);
        assertThat(status("/accounts/" + mine.getId() + "/edit", customer)).isEqualTo(403);
        // notifications: a customer reads its own delivery log; only administrators configure who is notified
        assertThat(status("/accounts/" + mine.getId() + "/deliveries", customer)).isEqualTo(200);
        assertThat(status("/accounts/" + mine.getId() + "/notifications", customer)).isEqualTo(403);
        assertThat(status("/accounts/" + mine.getId() + "/reports", customer)).as("their own reports").isEqualTo(200);
        assertThat(status("/accounts/" + mine.getId() + "/reports/settings", customer)).as("sending settings: administrators").isEqualTo(403);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/").with(user(customer))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/accounts/" + mine.getId());
    }

    private int status(String url, org.springframework.security.core.userdetails.UserDetails who) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(user(who))).andReturn().getResponse().getStatus();
    }
}
