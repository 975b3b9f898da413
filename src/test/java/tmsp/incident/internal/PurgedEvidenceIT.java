package tmsp.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.incident.IncidentRecorder;
import tmsp.maintenance.RetainedData;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** An incident whose detections log maintenance purged keeps its record; its page says the evidence is gone. */
@IntegrationTest
class PurgedEvidenceIT {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentRecorder recorder;
    @Autowired List<RetainedData> retained;

    @Test
    void anIncidentOutlivesItsPurgedDetections() throws Exception {
        long account = TestAccounts.create(mvc, json, jdbc, "Purged evidence").id();
        IncidentFixtures fixtures = new IncidentFixtures(jdbc, recorder);
        Instant first = LocalDate.of(2012, 11, 5).atTime(9, 0).toInstant(ZoneOffset.UTC);
        List<Long> ids = fixtures.detections(account, first, 3, "purged-evidence-");
        long incident = fixtures.incident(account, "purge-evidence", "HIGH", "Purged evidence", first,
                first.plusSeconds(2), ids);
        String before = mvc.perform(get("/incidents/" + incident).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(before).contains("Evidence (3 detections)", "purged-evidence-0").doesNotContain("evidence-purged");

        retained.stream().filter(r -> r.kind().equals("detections")).findFirst().orElseThrow()
                .purgeOlderThan(first.plusSeconds(3600));

        String after = mvc.perform(get("/incidents/" + incident).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("Purged evidence", "Evidence (3 detections)", "id=\"evidence-empty\"",
                "3 evidence detections of this page are no longer stored").doesNotContain("purged-evidence-0");
    }
}
