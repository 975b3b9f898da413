package tmsp.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tmsp.incident.IncidentRecorder;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** The account's reports page: calendar and downloads, HTML view, on-demand reports, the zip, bad ranges, settings. */
@IntegrationTest
class ReportPagesIT {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentRecorder recorder;
    @Autowired ReportGeneration generation;
    @Autowired RecipientSettings settings;

    RequestPostProcessor admin = user("admin").roles("ADMIN");
    TestAccounts.Created account;
    ReportFixtures fixtures;
    LocalDate day = LocalDate.now().minusDays(3);

    @BeforeEach
    void anAccountWithReports() throws Exception {
        fixtures = new ReportFixtures(mvc, json, jdbc, recorder);
        account = fixtures.account("Pages", "en");
    }

    String html(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    String base() {
        return "/accounts/" + account.id() + "/reports";
    }

    @Test
    void theCalendarLinksEachReportOfTheMonthAndTheDownloadIsAPdfAttachment() throws Exception {
        long daily = generation.generate(account.id(), ReportPeriod.day(day));
        long weekly = generation.generate(account.id(), ReportPeriod.weekOf(day.minusDays(7)));

        String month = html(get(base()).param("month", YearMonth.from(day).toString()).with(admin));
        assertThat(month).contains("id=\"report-" + daily + "\"", "href=\"" + base() + "/" + daily + "/pdf\"",
                "id=\"day-" + day + "\"", "Previous month", "Next month");
        String weekMonth = html(get(base()).param("month", YearMonth.from(ReportPeriod.weekOf(day.minusDays(7)).end()).toString()).with(admin));
        assertThat(weekMonth).contains("id=\"report-" + weekly + "\"");
        String otherMonth = html(get(base()).param("month", YearMonth.from(day).minusMonths(3).toString()).with(admin));
        assertThat(otherMonth).doesNotContain("id=\"report-" + daily + "\"");

        MockHttpServletResponse pdf = mvc.perform(get(base() + "/" + daily + "/pdf").with(admin)).andReturn().getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment;")
                .contains(ReportPeriod.day(day).fileName(account.name()));
        assertThat(ReportFixtures.text(pdf.getContentAsByteArray())).contains(account.name(), "Daily Administrative Report");

        String view = html(get(base() + "/" + daily + "/view").with(admin));
        assertThat(view).contains("href=\"/css/report.css\"", "Daily Administrative Report", account.name())
                .doesNotContain("<script", "style=");
        assertThat(mvc.perform(get(base() + "/999999999/pdf").with(admin)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void anOnDemandReportIsMadeInTheBackgroundWithProgressThenDownloaded() throws Exception {
        MockHttpServletResponse started = mvc.perform(post(base() + "/on-demand").param("from", day.minusDays(10).toString())
                .param("to", day.toString()).with(admin).with(csrf())).andReturn().getResponse();
        assertThat(started.getStatus()).isEqualTo(302);
        String job = started.getRedirectedUrl().replaceFirst(".*job=", "");
        assertThat(html(get(base()).param("job", job).with(admin))).contains("id=\"on-demand-progress\"");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                html(get(base() + "/on-demand/progress").param("job", job).with(admin)).contains("data-stage=\"DONE\""));
        String done = html(get(base() + "/on-demand/progress").param("job", job).with(admin));
        assertThat(done).doesNotContain("hx-trigger");
        Matcher link = Pattern.compile("href=\"(" + Pattern.quote(base()) + "/\\d+/pdf)\"").matcher(done);
        assertThat(link.find()).isTrue();
        byte[] pdf = mvc.perform(get(link.group(1)).with(admin)).andReturn().getResponse().getContentAsByteArray();
        assertThat(ReportFixtures.text(pdf)).contains("On-demand Report", day.minusDays(10).toString(), day.toString());

        assertThat(html(get(base() + "/on-demand/progress").param("job", "no-such-job").with(admin)))
                .contains("This report request is not known");
    }

    @Test
    void badRangesAreFormErrorsAndMakeNothing() throws Exception {
        LocalDate today = LocalDate.now();
        assertThat(onDemandError(today.minusDays(2), today.minusDays(5))).contains("The end is before the start.");
        assertThat(onDemandError(today.minusYears(2), today.minusDays(1))).contains("at most one year");
        assertThat(onDemandError(today.minusDays(2), today.plusDays(3))).contains("must not reach into the future");
        assertThat(jdbc.queryForObject("select count(*) from reports where account_id = ?", Long.class, account.id())).isZero();

        String archive = html(get(base() + "/archive").param("from", today.toString()).param("to", today.minusDays(1).toString())
                .with(admin));
        assertThat(archive).contains("id=\"archive-error\"", "The end is before the start.");
        assertThat(html(get(base() + "/archive").param("from", "").with(admin))).contains("Choose both dates.");
    }

    String onDemandError(LocalDate from, LocalDate to) throws Exception {
        String page = html(post(base() + "/on-demand").param("from", from.toString()).param("to", to.toString())
                .with(admin).with(csrf()));
        assertThat(page).contains("id=\"on-demand-error\"");
        return page;
    }

    @Test
    void theReportBuilderZipsEveryReportOfTheRange() throws Exception {
        generation.generate(account.id(), ReportPeriod.day(day));
        generation.generate(account.id(), ReportPeriod.day(day.minusDays(1)));
        generation.generate(account.id(), ReportPeriod.day(day.minusDays(20)));

        MockHttpServletResponse zip = mvc.perform(get(base() + "/archive").param("from", day.minusDays(2).toString())
                .param("to", day.toString()).with(admin)).andReturn().getResponse();
        assertThat(zip.getStatus()).isEqualTo(200);
        assertThat(zip.getContentType()).isEqualTo("application/zip");
        assertThat(zip.getHeader("Content-Disposition")).startsWith("attachment;").contains(".zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.getContentAsByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                assertThat(ReportFixtures.text(in.readAllBytes())).contains(account.name());
            }
        }
        assertThat(names).containsExactly(ReportPeriod.day(day.minusDays(1)).fileName(account.name()),
                ReportPeriod.day(day).fileName(account.name()));
    }

    @Test
    void administratorsChooseRecipientsFromTheContactListAndWhatEachReceives() throws Exception {
        fixtures.recipients(account.id(), "boss@pages.example", "Jonas Weber", "jonas@pages.example", "de");
        String contactKey = "contact-" + fixtures.contactId(account.id(), "jonas@pages.example");
        String settings = base() + "/settings";

        String empty = html(get(settings).with(admin));
        assertThat(empty).contains("No recipients yet.", "value=\"contact-person\"", "value=\"" + contactKey + "\"");

        assertThat(submit(settings + "/recipients", "recipientKey", contactKey)).isEqualTo(302);
        assertThat(submit(settings + "/recipients", "recipientKey", "contact-person")).isEqualTo(302);
        assertThat(submit(settings + "/recipients", "recipientKey", "contact-424242")).as("not on this account").isEqualTo(302);
        mvc.perform(post(settings + "/recipients/types").param("recipientKey", contactKey).param("type", "WEEKLY")
                .param("type", "MONTHLY").with(admin).with(csrf()));

        RecipientSettings.Setting jonas = settingOf(contactKey);
        assertThat(jonas.types()).containsExactlyInAnyOrder(ReportType.WEEKLY, ReportType.MONTHLY);
        assertThat(settingOf("contact-person").types()).containsExactlyInAnyOrder(ReportType.DAILY, ReportType.WEEKLY,
                ReportType.MONTHLY);
        assertThat(jdbc.queryForObject("select count(*) from report_recipients where account_id = ?", Long.class,
                account.id())).isEqualTo(2);
        String page = html(get(settings).with(admin));
        assertThat(page).contains("Jonas Weber", "jonas@pages.example", "boss@pages.example",
                "Everyone on the contact list already receives reports.");

        assertThat(submit(settings + "/recipients/remove", "recipientKey", contactKey)).isEqualTo(302);
        assertThat(html(get(settings).with(admin))).doesNotContain("jonas@pages.example</td>");
        assertThat(jdbc.queryForObject("select count(*) from report_recipients where account_id = ?", Long.class,
                account.id())).isOne();
    }

    RecipientSettings.Setting settingOf(String key) {
        return settings.of(account.id()).stream().filter(s -> s.recipientKey().equals(key)).findFirst().orElseThrow();
    }

    int submit(String url, String name, String value) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url).param(name, value)
                .with(admin).with(csrf())).andReturn().getResponse().getStatus();
    }

    @Test
    void theAccountPageHasTheReportsCard() throws Exception {
        generation.generate(account.id(), ReportPeriod.day(day));
        assertThat(html(get("/accounts/" + account.id()).with(admin))).contains("id=\"reports-card\"",
                "href=\"" + base() + "\"", "One report stored");
    }
}
