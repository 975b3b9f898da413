package tmsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tmsp.support.ApplianceClient;
import tmsp.support.FreeSyslogPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The README's first command: no settings at all, an H2 file database, demo data on first start. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tmsp.admin-password=smoke-test-admin")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = FreeSyslogPort.class)
class ZeroSetupSmokeIT {

    @DynamicPropertySource
    static void freshDataFolder(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("tmsp-zero-setup");
        // The same URL as the default, in a fresh folder instead of ./data.
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + data.resolve("tmsp") + ";DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired MockMvc mvc;
    @org.springframework.boot.test.web.server.LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void startsOnH2WithALivingDemoPortal() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from accounts", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from products", Long.class)).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from contacts", Long.class)).isEqualTo(10);
        assertThat(jdbc.queryForObject("select count(*) from accounts where last_received is not null", Long.class)).isEqualTo(5);
        mvc.perform(get("/api/v1/accounts").param("sort", "incidents").param("dir", "desc")
                        .with(httpBasic("admin", "smoke-test-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(5));
        String page = mvc.perform(get("/accounts").param("q", "ac").param("sort", "lastReceived")
                        .with(httpBasic("admin", "smoke-test-admin")))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(page).as("the web UI uses form login, not Basic").contains("/login");
    }

    @Test
    void anApplianceRegistersAndUploadsIntoTheEmbeddedDatabase() throws Exception {
        String registrationUser = jdbc.queryForObject("select registration_user from accounts order by id limit 1", String.class);
        jdbc.update("update accounts set registration_password_hash = ? where registration_user = ?",
                new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode("smoke-registration"), registrationUser);
        // Real HTTP: the registration route is served by Camel's platform-http, asynchronously.
        ApplianceClient appliance = new ApplianceClient(port);
        var registered = appliance.post("/api/v1/products", ApplianceClient.basic(registrationUser, "smoke-registration"),
                "application/json", "{\"type\":\"DISCOVERY\",\"hostname\":\"h2-tda\",\"guid\":\"" + java.util.UUID.randomUUID() + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(registered.body()).get("token").asText();
        var uploaded = appliance.post("/api/v1/logs", "Bearer " + token, "text/plain",
                "CEF:0|Trend Micro|DDI|6.0|20|Malware|8|shost=pc-1 malType=TROJAN\nnot a log line\n");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.body()).contains("\"accepted\":1", "\"rejected\":1");
        assertThat(jdbc.queryForObject("select count(*) from detections where src_host = 'pc-1'", Long.class)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from quarantined_lines", Long.class)).isOne();
    }
}
