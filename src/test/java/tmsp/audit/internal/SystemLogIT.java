package tmsp.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.IntegrationTest;

@IntegrationTest
class SystemLogIT {

    @Autowired MockMvc mvc;
    @Autowired AuditEvents events;

    @Test
    void thePageAndTheCsvShowOnlyTheChosenDays() throws Exception {
        String marker = UUID.randomUUID().toString();
        Instant inside = LocalDate.of(2026, 3, 10).atTime(23, 59).toInstant(ZoneOffset.UTC);
        Instant outside = LocalDate.of(2026, 3, 11).atStartOfDay().toInstant(ZoneOffset.UTC);
        events.save(new AuditEvent(inside, "alice", AuditAction.ACCOUNT_EDITED, "account " + marker,
                "=HYPERLINK(\"http://evil\"), \"quoted\"", "192.0.2.1"));
        events.save(new AuditEvent(outside, "bob", AuditAction.LOGON, "later " + marker, null, "192.0.2.2"));
        var admin = user("admin").roles("ADMIN");

        String page = mvc.perform(get("/admin/system-logs").param("from", "2026-03-10").param("to", "2026-03-10").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("account " + marker, "Account edited", "192.0.2.1").doesNotContain("later " + marker);

        String csv = mvc.perform(get("/admin/system-logs/csv").param("from", "2026-03-10").param("to", "2026-03-10").with(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"system-logs-2026-03-10_2026-03-10.csv\""))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("time,actor,action,target,details,source_address\r\n")
                .contains("2026-03-10T23:59:00Z,alice,ACCOUNT_EDITED,account " + marker
                        + ",\"'=HYPERLINK(\"\"http://evil\"\"), \"\"quoted\"\"\",192.0.2.1\r\n")
                .doesNotContain("later " + marker);
    }

    @Test
    void theNextPageKeepsTheChosenDays() throws Exception {
        Instant day = LocalDate.of(2025, 7, 14).atTime(12, 0).toInstant(ZoneOffset.UTC);
        for (int i = 0; i < 51; i++) {
            events.save(new AuditEvent(day.plusSeconds(i), "pager", AuditAction.LOGON, "pager", null, null));
        }
        String page = mvc.perform(get("/admin/system-logs").param("from", "2025-07-14").param("to", "2025-07-14")
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/admin/system-logs?from=2025-07-14&amp;to=2025-07-14&amp;page=1");
    }

    @Test
    void reversedAndMissingDatesAreForgivenBadOnesAreRefused() throws Exception {
        var admin = user("admin").roles("ADMIN");
        mvc.perform(get("/admin/system-logs").param("from", "2026-03-12").param("to", "2026-03-01").with(admin))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/system-logs").with(admin)).andExpect(status().isOk());
        mvc.perform(get("/admin/system-logs").param("from", "yesterday").with(admin)).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/system-logs").with(user("analyst").roles("ANALYST"))).andExpect(status().isForbidden());
    }
}
