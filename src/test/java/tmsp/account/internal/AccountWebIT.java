package tmsp.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tmsp.support.IntegrationTest;

/** The Add / Edit / Delete forms and the contact list, through the real web layer and database. */
@IntegrationTest
@WithUserDetails("admin")
class AccountWebIT {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    /** The form with every field filled; pairs of name and value replace the defaults. */
    private MockHttpServletRequestBuilder filled(MockHttpServletRequestBuilder request, String name, String... overrides) {
        String key = name.toLowerCase().replaceAll("[^a-z0-9]", "");
        long admin = jdbc.queryForObject("select id from users where username = 'admin'", Long.class);
        List<Long> services = jdbc.queryForList("select id from services order by sort_order", Long.class);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("companyName", name + " AG");
        fields.put("companyAddress", "Bahnhofstrasse 1");
        fields.put("companyCountry", "Switzerland");
        fields.put("companyPhone", "+41 44 000 00 00");
        fields.put("contactFirstName", "Jonas");
        fields.put("contactLastName", "Keller");
        fields.put("contactEmail", "jonas@" + key + ".example");
        fields.put("registrationUser", key + "-reg");
        fields.put("registrationPassword", "registration-secret");
        fields.put("portalUser", key);
        fields.put("portalPassword", "portal-secret-1");
        fields.put("managedById", String.valueOf(admin));
        fields.put("validFrom", "2026-02-01");
        fields.put("validTo", "2028-01-31");
        fields.put("reportLanguage", "de");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        fields.forEach(request::param);
        return request.with(csrf()).param("serviceIds", services.get(0).toString(), services.get(2).toString());
    }

    @Test
    void addEditAndDeleteThroughTheForms() throws Exception {
        String name = "Web " + UUID.randomUUID().toString().substring(0, 8);
        String location = mvc.perform(filled(post("/accounts"), name))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "accounts.created"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        String page = mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(name, name + " AG", "Bahnhofstrasse 1", "Threat Discovery, Outbreak Containment",
                "Deutsch", "No products registered yet").doesNotContain("registration-secret", "portal-secret-1");

        String edit = mvc.perform(get("/accounts/" + id + "/edit")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(edit).contains("value=\"" + name + " AG\"").doesNotContain("portal-secret-1")
                .doesNotContain("id=\"one-account-hint\"");

        mvc.perform(filled(post("/accounts/" + id), name, "companyName", "Renamed AG",
                        "registrationPassword", "", "portalPassword", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "accounts.updated"));
        assertThat(jdbc.queryForObject("select company_name from accounts where id = ?", String.class, id)).isEqualTo("Renamed AG");

        mvc.perform(post("/accounts/" + id + "/delete").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "accounts.deleted"));
        assertThat(jdbc.queryForObject("select count(*) from accounts where id = ?", Long.class, id)).isZero();
    }

    @Test
    void theAddFormShowsTheOneAccountGuidanceAndFieldErrors() throws Exception {
        String form = mvc.perform(get("/accounts/new")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"one-account-hint\"", "linked networks");

        long before = jdbc.queryForObject("select count(*) from accounts", Long.class);
        mvc.perform(filled(post("/accounts"), "Broken " + UUID.randomUUID(), "name", "", "contactEmail", "nope",
                        "portalPassword", "short", "validTo", "2020-01-01", "companyPhone", "<script>"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("account", "name", "contactEmail", "portalPassword", "companyPhone"));
        mvc.perform(filled(post("/accounts"), "Dates " + UUID.randomUUID(), "validTo", "2020-01-01",
                        "validFrom", "not-a-date"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("account", "validFrom"));
        mvc.perform(filled(post("/accounts"), "Dates " + UUID.randomUUID(), "validTo", "2020-01-01"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("account", "validTo"));
        assertThat(jdbc.queryForObject("select count(*) from accounts", Long.class)).isEqualTo(before);
    }

    @Test
    void contactsAreAddedWithValidationAndRemoved() throws Exception {
        String name = "Contacts " + UUID.randomUUID().toString().substring(0, 8);
        String location = mvc.perform(filled(post("/accounts"), name)).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        mvc.perform(post("/accounts/" + id + "/contacts").with(csrf()).param("name", "Mia").param("email", "mia@x.example")
                        .param("language", "en"))
                .andExpect(flash().attribute("success", "contacts.added"));
        mvc.perform(post("/accounts/" + id + "/contacts").with(csrf()).param("name", "").param("email", "bad")
                        .param("language", "en"))
                .andExpect(flash().attributeExists("org.springframework.validation.BindingResult.contact"));
        mvc.perform(post("/accounts/" + id + "/contacts").with(csrf()).param("name", "Mia").param("email", "MIA@x.example")
                        .param("language", "en"))
                .andExpect(flash().attributeExists("org.springframework.validation.BindingResult.contact"));
        List<Long> contacts = jdbc.queryForList("select id from contacts where account_id = ?", Long.class, id);
        assertThat(contacts).hasSize(1);

        mvc.perform(post("/accounts/" + id + "/contacts/" + contacts.get(0) + "/delete").with(csrf()))
                .andExpect(flash().attribute("success", "contacts.removed"));
        assertThat(jdbc.queryForObject("select count(*) from contacts where account_id = ?", Long.class, id)).isZero();
        mvc.perform(post("/accounts/" + id + "/contacts/" + contacts.get(0) + "/delete").with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void unknownAccountsAreNotFound() throws Exception {
        mvc.perform(get("/accounts/987654321")).andExpect(status().isNotFound());
        mvc.perform(post("/accounts/987654321/delete").with(csrf())).andExpect(status().isNotFound());
    }
}
