package tmsp.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Creates accounts through the real JSON API, for tests outside the account module. */
public final class TestAccounts {

    public static final String PASSWORD = "registration-password-1";

    /** An account created for a test, with the credentials its appliances and customer use. */
    public record Created(long id, String name, String registrationUser, String portalUser) {
    }

    private TestAccounts() {
    }

    public static Created create(MockMvc mvc, ObjectMapper json, JdbcTemplate jdbc, String prefix) throws Exception {
        String key = prefix.toLowerCase().replaceAll("[^a-z0-9]", "") + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = json.createObjectNode()
                .put("name", prefix + " " + key).put("companyName", prefix + " Inc.")
                .put("contactFirstName", "Test").put("contactLastName", "Contact")
                .put("registrationUser", key + "-reg").put("registrationPassword", PASSWORD)
                .put("portalUser", key).put("portalPassword", PASSWORD)
                .put("managedById", jdbc.queryForObject("select id from users where username = 'admin'", Long.class))
                .put("validFrom", "2026-01-01").put("reportLanguage", "en");
        body.putArray("serviceIds").add(jdbc.queryForObject("select id from services where code = 'THREAT_DISCOVERY'", Long.class));
        String answer = mvc.perform(post("/api/v1/accounts").with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                        .contentType("application/json").content(body.toString()))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(answer).path("id").asLong(-1);
        if (id < 0) {
            throw new IllegalStateException("Could not create a test account: " + answer);
        }
        return new Created(id, body.get("name").asText(), key + "-reg", key);
    }
}
