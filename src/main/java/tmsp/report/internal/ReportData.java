package tmsp.report.internal;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tmsp.account.AccountLookup;
import tmsp.account.AccountReportLanguage;
import tmsp.account.AccountSummary;
import tmsp.appliance.AccountProductStates;
import tmsp.incident.IncidentStatistics;
import tmsp.incident.IncidentStatistics.Summary;

/** Gathers a report's content through the owning modules' read APIs (incidents, products, the account). */
@Component
class ReportData {

    private final AccountLookup accounts;
    private final AccountReportLanguage languages;
    private final IncidentStatistics incidents;
    private final AccountProductStates products;
    private final ReportSettings settings;
    private final ZoneId zone;
    private final Clock clock;

    ReportData(AccountLookup accounts, AccountReportLanguage languages, IncidentStatistics incidents,
               AccountProductStates products, ReportSettings settings, @Value("${tmsp.time-zone}") ZoneId zone,
               java.util.Optional<Clock> clock) {
        this.accounts = accounts;
        this.languages = languages;
        this.incidents = incidents;
        this.products = products;
        this.settings = settings;
        this.zone = zone;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** @throws UnknownAccount when the account is gone */
    ReportContent gather(long accountId, ReportPeriod period) {
        AccountSummary account = accounts.byId(accountId).orElseThrow(() -> new UnknownAccount(accountId));
        String language = ReportLanguage.supported(languages.of(accountId).orElse("en"));
        Summary now = incidents.summarize(accountId, period.from(zone), period.to(zone), zone, settings.top());
        boolean daily = period.type() == ReportType.DAILY;
        Summary before = daily ? null : incidents.summarize(accountId, period.previous().from(zone),
                period.previous().to(zone), zone, settings.top());
        return new ReportContent(accountId, account.name(), account.companyName(), period, language, clock.instant(),
                now.total(), before == null ? null : ReportFigures.trend("TOTAL", now.total(), before.total()),
                ReportFigures.severityBars(now.bySeverity()),
                before == null ? null : ReportFigures.severityTrends(now.bySeverity(), before.bySeverity()),
                ReportFigures.bars(now.byRule()), ReportFigures.bars(now.topHosts()),
                ReportFigures.bars(now.topThreats()), ReportFigures.dayBars(period.start(), now.perDay()),
                products.of(accountId));
    }

    ZoneId zone() {
        return zone;
    }

    /** The account a report was asked for does not exist (any more). */
    static class UnknownAccount extends RuntimeException {
        UnknownAccount(long accountId) {
            super("No account #" + accountId);
        }
    }
}
