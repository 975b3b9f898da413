package tmsp.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.Browser;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * (Beside the module it drives, for its package-private generation.) In a real headless Chromium: an administrator opens an account's reports from the account page, goes back a month
 * in the calendar and downloads a report; the download, fetched with the browser's session, is a PDF of that report.
 */
@IntegrationTest
class ReportJourneyIT {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired ReportGeneration generation;

    @Test
    void anAdministratorDownloadsADailyReportFromTheCalendar() throws Exception {
        TestAccounts.Created account = TestAccounts.create(mvc, json, jdbc, "Journey reports");
        LocalDate lastMonth = YearMonth.now().minusMonths(1).atDay(12);
        long reportId = generation.generate(account.id(), ReportPeriod.day(lastMonth));

        try (Browser browser = Browser.open(port)) {
            browser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);
            browser.waitForPath("/accounts.*");
            browser.get("/accounts/" + account.id());
            browser.clickAndLoad(By.id("reports-link"));
            browser.waitForPath("/accounts/" + account.id() + "/reports");
            assertThat(browser.isPresent(By.id("report-" + reportId))).as("not in this month").isFalse();
            browser.clickAndLoad(By.id("previous-month"));
            browser.waitForPath("/accounts/" + account.id() + "/reports\\?month=" + YearMonth.from(lastMonth));
            assertThat(browser.text(By.id("day-" + lastMonth))).contains("Daily");

            String href = browser.href(By.id("report-" + reportId));
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(download.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment;");
            try (PDDocument pdf = Loader.loadPDF(download.body())) {
                assertThat(new PDFTextStripper().getText(pdf)).contains(account.name(), "Daily Administrative Report",
                        lastMonth.toString());
            }

            HttpResponse<byte[]> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(anonymous.statusCode()).as("without the session: the login").isEqualTo(302);
        }
    }
}
