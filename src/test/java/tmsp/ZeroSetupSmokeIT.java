package tmsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The README's first command: no settings at all, an H2 file database, demo data on first start. */
@SpringBootTest(properties = "tmsp.admin-password=smoke-test-admin")
@AutoConfigureMockMvc
class ZeroSetupSmokeIT {

    @DynamicPropertySource
    static void freshDataFolder(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("tmsp-zero-setup");
        // The same URL as the default, in a fresh folder instead of ./data.
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + data.resolve("tmsp") + ";DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired MockMvc mvc;
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
}
