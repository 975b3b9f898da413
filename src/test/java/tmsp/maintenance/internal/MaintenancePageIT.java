package tmsp.maintenance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tmsp.support.IntegrationTest;

/** Administration › Log maintenance through MockMvc: who may see it, the forms' validation, Purge now. */
@IntegrationTest
class MaintenancePageIT {

    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired RetentionSettings retention;
    @Autowired PurgeRuns runs;

    @Test
    void onlyAdministratorsSeeThePage() throws Exception {
        for (String path : new String[] {"/admin/maintenance", "/admin/maintenance/runs"}) {
            mvc.perform(get(path).with(user("analyst").roles("ANALYST"))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(user("customer").roles("CUSTOMER"))).andExpect(status().isForbidden());
            mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        }
        mvc.perform(post("/admin/maintenance/purge").with(csrf()).with(user("analyst").roles("ANALYST")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/maintenance/retention").with(csrf()).with(user("customer").roles("CUSTOMER"))
                .param("retention.detections", "5")).andExpect(status().isForbidden());

        String page = mvc.perform(get("/admin/maintenance").with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Log maintenance", "Detection logs", "Quarantined lines", "Incidents", "System logs",
                "Upload receipts", "id=\"storage-chart\"", "chart.umd.js", "name=\"retention.detections\"",
                "id=\"storage-detections\"", "href=\"/admin/maintenance\"");
        assertThat(page).containsPattern("id=\"storage-detections\">\\d+(\\.\\d)? (B|KB|MB|GB)<");
    }

    @Test
    void aRetentionOutsideOneTo3650DaysSavesNothing() throws Exception {
        Map<String, Integer> before = retention.days();
        for (String bad : new String[] {"0", "3651", "abc", "", "-5", "2.5"}) {
            String page = mvc.perform(form("/admin/maintenance/retention", Map.of("retention.quarantine", bad)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).as(bad).contains("Nothing was saved", "id=\"retention-error-quarantine\"")
                    .containsAnyOf("Keep it from 1 to 3650 days.", "Enter a whole number of days.");
        }
        assertThat(retention.days()).isEqualTo(before);

        mvc.perform(form("/admin/maintenance/retention", Map.of("retention.quarantine", "3650", "retention.incidents", "1")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/maintenance"));
        assertThat(retention.days()).containsEntry("quarantine", 3650).containsEntry("incidents", 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'RETENTION_CHANGED'"
                + " and target = 'retention of quarantine' and details like ?", Long.class, "% to 3650 days")).isEqualTo(1);
        mvc.perform(post("/admin/maintenance/retention").with(ADMIN).param("retention.quarantine", "30"))
                .andExpect(status().isForbidden()); // no CSRF token
        jdbc.update("delete from retention_settings"); // back to the defaults: other tests share this database
    }

    @Test
    void theScheduleMustBeACronExpression() throws Exception {
        for (String bad : new String[] {"", "every night", "0 30 3 * *", "61 * * * * *"}) {
            String page = mvc.perform(form("/admin/maintenance/schedule", Map.of("cron", bad)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).as(bad).contains("id=\"cron-error\"", "not a cron expression");
        }
        mvc.perform(form("/admin/maintenance/schedule", Map.of("cron", "0 15 4 * * SUN")))
                .andExpect(status().isFound());
        String page = mvc.perform(get("/admin/maintenance").with(ADMIN)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"0 15 4 * * SUN\"", "Next purge:", "Saved by admin");
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'PURGE_SCHEDULE_CHANGED'"
                + " and details like ?", Long.class, "% to 0 15 4 * * SUN")).isEqualTo(1);
        mvc.perform(form("/admin/maintenance/schedule", Map.of("cron", "-"))).andExpect(status().isFound());
        assertThat(mvc.perform(get("/admin/maintenance").with(ADMIN)).andReturn().getResponse().getContentAsString())
                .contains("The scheduled purge is off.");
        mvc.perform(form("/admin/maintenance/schedule", Map.of("cron", "0 30 3 * * *"))).andExpect(status().isFound());
    }

    @Test
    void purgeNowRunsInTheBackgroundAndThePageFollowsIt() throws Exception {
        long latestBefore = runs.latest(1).stream().mapToLong(PurgeRun::id).findFirst().orElse(0);
        mvc.perform(post("/admin/maintenance/purge").with(ADMIN)).andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/admin/maintenance/purge").with(ADMIN).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/maintenance#runs"));
        PurgeRun started = runs.latest(1).get(0);
        assertThat(started.id()).isGreaterThan(latestBefore);
        assertThat(started.startedBy()).isEqualTo("admin");
        await().atMost(Duration.ofSeconds(60)).until(() -> !runs.find(started.id()).orElseThrow().running());
        assertThat(runs.find(started.id()).orElseThrow().status()).isEqualTo(PurgeRun.SUCCEEDED);

        String fragment = mvc.perform(get("/admin/maintenance/runs").with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"run-" + started.id() + "\"", "Done", "Detection logs:", "Incidents:", " removed (older than ")
                .doesNotContain("hx-trigger", "<html");
    }

    private static MockHttpServletRequestBuilder form(String path, Map<String, String> values) {
        MockHttpServletRequestBuilder request = post(path).with(ADMIN).with(csrf());
        values.forEach(request::param);
        return request;
    }
}
