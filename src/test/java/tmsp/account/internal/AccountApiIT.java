package tmsp.account.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tmsp.identity.Administrators;
import tmsp.support.IntegrationTest;

@IntegrationTest
class AccountApiIT {

    static final RequestPostProcessor ADMIN = httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Administrators administrators;
    @Autowired JdbcTemplate jdbc;

    ObjectNode body;
    String name;

    @BeforeEach
    void validBody() {
        name = "Api " + UUID.randomUUID().toString().substring(0, 8);
        Set<Long> services = Set.copyOf(jdbc.queryForList("select id from services where code = 'THREAT_DISCOVERY'", Long.class));
        body = json.valueToTree(AccountFixtures.form(name, administrators.all().get(0).id(), services));
        body.put("registrationPassword", AccountFixtures.PASSWORD).put("portalPassword", AccountFixtures.PASSWORD);
    }

    private long create(ObjectNode account) throws Exception {
        String answer = mvc.perform(post("/api/v1/accounts").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content(account.toString()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/accounts/")))
                .andExpect(jsonPath("$.name").value(account.get("name").asText()))
                .andExpect(jsonPath("$.services[0].code").value("THREAT_DISCOVERY"))
                .andExpect(content().string(not(containsString(AccountFixtures.PASSWORD))))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(answer).get("id").asLong();
    }

    @Test
    void createReadUpdateDelete() throws Exception {
        long id = create(body);
        mvc.perform(get("/api/v1/accounts/" + id).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.companyName").value(name + " Ltd"))
                .andExpect(jsonPath("$.portalUser").value(body.get("portalUser").asText()))
                .andExpect(jsonPath("$.registrationPassword").doesNotExist())
                .andExpect(jsonPath("$.incidents").isEmpty());

        body.put("companyName", "Renamed Ltd").remove("portalPassword");
        mvc.perform(put("/api/v1/accounts/" + id).with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.companyName").value("Renamed Ltd"));

        mvc.perform(get("/api/v1/accounts").param("q", name).with(ADMIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].companyName").value("Renamed Ltd"));

        mvc.perform(delete("/api/v1/accounts/" + id).with(ADMIN)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/accounts/" + id).with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void invalidFieldsAreListedInAProblemDetail() throws Exception {
        body.put("name", "").put("contactEmail", "not-an-email").put("portalPassword", "short").putArray("serviceIds");
        mvc.perform(post("/api/v1/accounts").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItems("name", "contactEmail", "portalPassword", "serviceIds")));
        mvc.perform(get("/api/v1/accounts").param("q", name).with(ADMIN)).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aRuleTheAnnotationsCannotSeeIsAFieldError() throws Exception {
        body.put("validTo", "2025-01-01");
        mvc.perform(post("/api/v1/accounts").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("validTo"))
                .andExpect(jsonPath("$.errors[0].message").value("The end must not be before the start."));
    }

    @Test
    void aTakenNameIsAConflict() throws Exception {
        create(body.deepCopy());
        body.put("registrationUser", "other-reg-" + UUID.randomUUID().toString().substring(0, 6))
                .put("portalUser", "other-portal-" + UUID.randomUUID().toString().substring(0, 6));
        mvc.perform(post("/api/v1/accounts").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void malformedTruncatedAndHostileBodiesAreRejectedCleanly() throws Exception {
        for (String bad : new String[] {"{\"name\": ", "[]", "not json", "{\"validFrom\": \"yesterday\"}",
                "{\"serviceIds\": [\"x\"]}", "{\"name\": \"" + "A".repeat(100_000) + "\"}"}) {
            mvc.perform(post("/api/v1/accounts").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/v1/accounts").with(ADMIN).contentType(MediaType.TEXT_PLAIN).content("name=x"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void anAccountWithRegisteredProductsIsAcceptedAndWaitsForItsProductsToMove() throws Exception {
        long id = create(body);
        jdbc.update("insert into products (account_id, type, hostname, guid, registered_at) values (?, 'DISCOVERY', 'tda', ?, now())",
                id, UUID.randomUUID().toString());
        mvc.perform(delete("/api/v1/accounts/" + id).with(ADMIN))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/accounts/" + id + "/deletion"))
                .andExpect(jsonPath("$.state").value("WAITING"))
                .andExpect(jsonPath("$.taskId").isNotEmpty());
        mvc.perform(get("/api/v1/accounts/" + id).with(ADMIN)).andExpect(status().isOk());
    }

    @Test
    void deletingAnUnknownAccountIsNotFound() throws Exception {
        mvc.perform(delete("/api/v1/accounts/987654321").with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void contactsThroughTheApi() throws Exception {
        long id = create(body);
        String created = mvc.perform(post("/api/v1/accounts/" + id + "/contacts").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Lea\",\"email\":\"lea@example.org\",\"language\":\"fr\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/accounts/" + id + "/contacts").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Lea\",\"email\":\"LEA@example.org\",\"language\":\"fr\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/accounts/" + id + "/contacts").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Bo\",\"email\":\"bo@example.org\",\"language\":\"xx\"}"))
                .andExpect(status().isBadRequest());
        JsonNode contact = json.readTree(created);
        mvc.perform(delete("/api/v1/accounts/" + id + "/contacts/" + contact.get("id").asLong()).with(ADMIN))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/accounts/" + id + "/contacts").with(ADMIN)).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void credentialsAreRequiredAndChecked() throws Exception {
        mvc.perform(get("/api/v1/accounts"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/accounts").with(httpBasic("admin", "wrong-password")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/accounts").with(user("analyst").roles("ANALYST")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aBrowserSessionMustSendTheCsrfToken() throws Exception {
        mvc.perform(post("/api/v1/accounts").with(user("admin").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiIsDocumentedWithOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/accounts']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/accounts/{id}']").exists());
        mvc.perform(get("/swagger-ui/index.html").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap/5.3.3/css/bootstrap.min.css")).andExpect(status().isOk());
    }
}
