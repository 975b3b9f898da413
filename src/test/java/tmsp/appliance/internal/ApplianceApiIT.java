package tmsp.appliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.ApplianceClient;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** Registration and heartbeats over real HTTP on loopback, through the Camel routes. */
@IntegrationTest
@CamelSpringBootTest
class ApplianceApiIT {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    ApplianceClient client;
    TestAccounts.Created account;
    String guid;

    @BeforeEach
    void anAccount() throws Exception {
        client = new ApplianceClient(port);
        account = TestAccounts.create(mvc, json, jdbc, "Appliance");
        guid = UUID.randomUUID().toString();
    }

    private HttpResponse<String> post(String path, String authorization, String contentType, String body) throws Exception {
        return client.post(path, authorization, contentType, body);
    }

    private static String basic(String user, String password) {
        return ApplianceClient.basic(user, password);
    }

    private HttpResponse<String> register(String type, String guid) throws Exception {
        return client.register(account, type, guid);
    }

    private JsonNode registered(String type) throws Exception {
        HttpResponse<String> answer = register(type, guid);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body());
    }

    private HttpResponse<String> heartbeat(String token, String body) throws Exception {
        return post("/api/v1/heartbeat", "Bearer " + token, "application/json", body);
    }

    @Test
    void registrationIssuesATokenStoredOnlyAsItsHash() throws Exception {
        JsonNode answer = registered("DISCOVERY");
        String token = answer.get("token").asText();
        assertThat(token).startsWith("tmsp_").hasSize(48);
        long productId = answer.get("productId").asLong();

        var row = jdbc.queryForMap("select * from products where id = ?", productId);
        assertThat(row).containsEntry("account_id", account.id()).containsEntry("type", "DISCOVERY")
                .containsEntry("guid", guid.toUpperCase()).containsEntry("token_hash", Tokens.hash(token));
        assertThat(row.values()).doesNotContain(token);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'PRODUCT_REGISTERED' and actor = ?",
                Long.class, "appliance " + guid.toUpperCase())).isOne();
    }

    @Test
    void registeringTheSameGuidAgainRotatesTheToken() throws Exception {
        JsonNode first = registered("DISCOVERY");
        HttpResponse<String> again = register("DISCOVERY", guid.toLowerCase());
        JsonNode second = json.readTree(again.body());
        assertThat(second.get("productId").asLong()).isEqualTo(first.get("productId").asLong());
        assertThat(second.get("tokenRotated").asBoolean()).isTrue();
        assertThat(heartbeat(first.get("token").asText(), "{}").statusCode()).isEqualTo(401);
        assertThat(heartbeat(second.get("token").asText(), "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void aGuidOfAnotherAccountIsAConflict() throws Exception {
        registered("DISCOVERY");
        TestAccounts.Created other = TestAccounts.create(mvc, json, jdbc, "Other");
        HttpResponse<String> answer = post("/api/v1/products", basic(other.registrationUser(), TestAccounts.PASSWORD),
                "application/json", "{\"type\":\"DISCOVERY\",\"hostname\":\"h\",\"guid\":\"" + guid + "\"}");
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void badCredentialsAndBadBodiesAreRefusedWithProblemDetails() throws Exception {
        String good = "{\"type\":\"DISCOVERY\",\"hostname\":\"h1\",\"guid\":\"" + guid + "\"}";
        assertThat(post("/api/v1/products", null, "application/json", good).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = post("/api/v1/products", basic(account.registrationUser(), "wrong-password"),
                "application/json", good);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(post("/api/v1/products", "Basic !!!not-base64", "application/json", good).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/products", "Basic " + "A".repeat(5000), "application/json", good).statusCode()).isEqualTo(401);
        // The portal's admin is not a product-registration user.
        assertThat(post("/api/v1/products", basic("admin", IntegrationTest.ADMIN_PASSWORD), "application/json", good)
                .statusCode()).isEqualTo(401);

        String auth = basic(account.registrationUser(), TestAccounts.PASSWORD);
        HttpResponse<String> invalid = post("/api/v1/products", auth, "application/json",
                "{\"type\":\"TOASTER\",\"hostname\":\"bad host!\",\"guid\":\"x\",\"version\":\"" + "9".repeat(50) + "\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json.readTree(invalid.body()).get("detail").asText()).contains("type", "hostname", "guid", "version");
        for (String malformed : new String[] {"{\"type\":", "[]", "null", "", "{\"type\": {\"deep\": [[[[]]]]}}"}) {
            assertThat(post("/api/v1/products", auth, "application/json", malformed).statusCode()).as(malformed).isEqualTo(400);
        }
        assertThat(post("/api/v1/products", auth, "text/plain", good).statusCode()).isEqualTo(415);
        assertThat(post("/api/v1/products", auth, "application/json", "{\"hostname\":\"" + "a".repeat(20_000) + "\"}")
                .statusCode()).isEqualTo(413);
        assertThat(jdbc.queryForObject("select count(*) from products where account_id = ?", Long.class, account.id())).isZero();
    }

    @Test
    void aHeartbeatUpdatesTheProductAndTheAccountsSecurityCompliance() throws Exception {
        JsonNode product = registered("DISCOVERY");
        HttpResponse<String> answer = heartbeat(product.get("token").asText(),
                "{\"securityCompliance\":true,\"version\":\"3.9.0\",\"patternVersion\":\"19.541.00\",\"cpu\":12}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).get("intervalSeconds").asLong()).isEqualTo(300);

        var row = jdbc.queryForMap("select * from products where id = ?", product.get("productId").asLong());
        assertThat(row).containsEntry("version", "3.9.0").containsEntry("pattern_version", "19.541.00")
                .containsEntry("security_compliance", "ENABLED");
        assertThat(row.get("last_heartbeat_at")).isNotNull();
        assertThat(jdbc.queryForObject("select security_compliance from accounts where id = ?", String.class, account.id()))
                .isEqualTo("ENABLED");

        heartbeat(product.get("token").asText(), "{\"securityCompliance\":false}");
        assertThat(jdbc.queryForObject("select security_compliance from accounts where id = ?", String.class, account.id()))
                .isEqualTo("DISABLED");
    }

    @Test
    void aHeartbeatReportsTheProductsSubscriptionEndAndABadOneChangesNothing() throws Exception {
        JsonNode product = registered("DISCOVERY");
        long id = product.get("productId").asLong();
        String token = product.get("token").asText();

        assertThat(heartbeat(token, "{\"subscriptionExpires\":\"2027-06-30\"}").statusCode()).isEqualTo(200);
        assertThat(heartbeat(token, "{\"version\":\"4.0\"}").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select subscription_expires from products where id = ?", LocalDate.class, id))
                .as("a heartbeat that does not say keeps the date").isEqualTo(LocalDate.of(2027, 6, 30));

        for (String bad : new String[] {"\"30.06.2027\"", "\"2027-02-30\"", "\"1999-12-31\"", "\"2027-06-30T00:00\"",
                "\"\"", "17", "\"" + "9".repeat(5000) + "\""}) {
            HttpResponse<String> answer = heartbeat(token, "{\"version\":\"5.0\",\"subscriptionExpires\":" + bad + "}");
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(jdbc.queryForMap("select version, subscription_expires from products where id = ?", id))
                .as("a refused heartbeat stores nothing").containsEntry("version", "4.0")
                .containsEntry("subscription_expires", java.sql.Date.valueOf("2027-06-30"));
    }

    @Test
    void aMitigatorsHeartbeatDoesNotSpeakForTheAccountsCompliance() throws Exception {
        JsonNode mitigator = registered("MITIGATOR");
        assertThat(heartbeat(mitigator.get("token").asText(), "{\"securityCompliance\":true}").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select security_compliance from accounts where id = ?", String.class, account.id())).isNull();
    }

    @Test
    void heartbeatsNeedAValidTokenOfAnEnabledProduct() throws Exception {
        JsonNode product = registered("DISCOVERY");
        assertThat(heartbeat("tmsp_" + "x".repeat(43), "{}").statusCode()).isEqualTo(401);
        assertThat(heartbeat("garbage", "{}").statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/heartbeat", null, "application/json", "{}").statusCode()).isEqualTo(401);
        assertThat(heartbeat(product.get("token").asText(), "{\"securityCompliance\":\"maybe\"}").statusCode()).isEqualTo(400);

        jdbc.update("update products set enabled = false where id = ?", product.get("productId").asLong());
        assertThat(heartbeat(product.get("token").asText(), "{}").statusCode()).isEqualTo(403);
    }
}
