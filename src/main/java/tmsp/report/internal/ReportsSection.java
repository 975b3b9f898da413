package tmsp.report.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import tmsp.account.AccountPageSection;

/** The account page's "Reports" card: how many are stored, the latest, links to the reports page and settings. */
@Component
class ReportsSection implements AccountPageSection {

    private final StoredReports reports;

    ReportsSection(StoredReports reports) {
        this.reports = reports;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String fragment() {
        return "report/card :: section";
    }

    @Override
    public Map<String, Object> model(long accountId) {
        StoredReports.Overview overview = reports.overview(accountId);
        return Map.of("accountId", accountId, "count", overview.count(),
                "latest", overview.latestEnd() == null ? "" : overview.latestEnd().toString());
    }
}
