package tmsp.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.incident.IncidentRecorder;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/** Each report type rendered to PDF from the real incidents and products of an account, read back with PDFBox. */
@IntegrationTest
class ReportRenderingIT {

    static final LocalDate DAY = LocalDate.of(2026, 10, 31); // a Saturday, the last of its month

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentRecorder recorder;
    @Autowired ReportGeneration generation;
    @Autowired StoredReports reports;

    ReportFixtures fixtures() {
        return new ReportFixtures(mvc, json, jdbc, recorder);
    }

    Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    @Test
    void aGermanAccountsReportsAreGermanPdfsWithItsFigures() throws Exception {
        ReportFixtures f = fixtures();
        TestAccounts.Created account = f.account("Bericht", "de");
        f.product(account.id(), "sensor-nord", true);
        f.incident(account.id(), "c2-callback", "HIGH", at(DAY, 3), Set.of("pc-kasse-7"), Set.of("TROJ_ZEUS"));
        f.incident(account.id(), "c2-callback", "HIGH", at(DAY, 9), Set.of("pc-kasse-7", "pc-lager-2"), Set.of("TROJ_ZEUS"));
        f.incident(account.id(), "brute-force", "MEDIUM", at(DAY, 12), Set.of("pc-lager-2"), Set.of());
        f.incident(account.id(), "brute-force", "LOW", at(DAY.minusDays(1), 12), Set.of("pc-alt"), Set.of());

        String daily = ReportFixtures.text(pdf(generation.generate(account.id(), ReportPeriod.day(DAY))));
        assertThat(daily).contains(account.name(), "Täglicher Verwaltungsbericht", "Vorfälle nach Schweregrad",
                "Am stärksten betroffene Hosts", "Häufigste Bedrohungen", "Registrierte Produkte", "sensor-nord",
                "überfällig", "Aktiviert", "pc-kasse-7", "TROJ_ZEUS", "c2-callback", "Vorfälle in diesem Zeitraum: 3")
                .doesNotContain("pc-alt");

        String weekly = ReportFixtures.text(pdf(generation.generate(account.id(), ReportPeriod.weekOf(DAY))));
        assertThat(weekly).contains(account.name(), "Wöchentlicher Managementbericht", "2026-10-25", "2026-10-31",
                "Neue Vorfälle pro Tag", "Entwicklung gegenüber dem vorherigen Zeitraum", "Vorfälle in diesem Zeitraum: 4");

        String monthly = ReportFixtures.text(pdf(generation.generate(account.id(), ReportPeriod.month(YearMonth.from(DAY)))));
        assertThat(monthly).contains(account.name(), "Monatlicher Managementbericht", "2026-10-01", "2026-10-31",
                "Vorheriger Zeitraum: 0");
    }

    @Test
    void anEnglishAccountWithNothingToReportStillGetsItsReport() throws Exception {
        TestAccounts.Created account = fixtures().account("Quiet", "en");
        String daily = ReportFixtures.text(pdf(generation.generate(account.id(), ReportPeriod.day(DAY))));
        assertThat(daily).contains(account.name(), "Daily Administrative Report", "Incidents in this period: 0",
                "No products are registered to this account.");
    }

    @Test
    void anUnsupportedReportLanguageFallsBackToEnglish() throws Exception {
        TestAccounts.Created account = fixtures().account("Francais", "fr");
        String daily = ReportFixtures.text(pdf(generation.generate(account.id(), ReportPeriod.day(DAY))));
        assertThat(daily).contains("Daily Administrative Report");
    }

    @Test
    void makingTheSameReportAgainReplacesIt() throws Exception {
        ReportFixtures f = fixtures();
        TestAccounts.Created account = f.account("Again", "en");
        long first = generation.generate(account.id(), ReportPeriod.day(DAY));
        f.incident(account.id(), "late-rule", "CRITICAL", at(DAY, 22), Set.of("pc-spaet"), Set.of());
        long second = generation.generate(account.id(), ReportPeriod.day(DAY));

        assertThat(second).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from reports where account_id = ?", Long.class, account.id())).isOne();
        assertThat(ReportFixtures.text(pdf(second))).contains("pc-spaet");
    }

    byte[] pdf(long reportId) {
        byte[] pdf = reports.pdf(reportId);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        return pdf;
    }
}
