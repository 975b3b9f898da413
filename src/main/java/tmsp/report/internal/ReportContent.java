package tmsp.report.internal;

import java.time.Instant;
import java.util.List;
import tmsp.appliance.AccountProductStates.ProductState;
import tmsp.report.internal.ReportFigures.Bar;
import tmsp.report.internal.ReportFigures.Trend;

/**
 * Everything one report shows, ready for its template: the same object renders the HTML view and the PDF.
 *
 * @param trends null for a daily report (it has no trend section)
 */
record ReportContent(long accountId, String accountName, String companyName, ReportPeriod period, String language,
                     Instant generatedAt, long total, Trend totalTrend, List<Bar> severities, List<Trend> trends,
                     List<Bar> rules, List<Bar> hosts, List<Bar> threats, List<Bar> days,
                     List<ProductState> products) {
}
