package tmsp.report.internal;

import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Makes one report: gathers its content, renders the PDF and stores it (replacing an earlier one of the same period). */
@Service
class ReportGeneration {

    private final ReportData data;
    private final ReportRenderer renderer;
    private final StoredReports reports;

    ReportGeneration(ReportData data, ReportRenderer renderer, StoredReports reports) {
        this.data = data;
        this.renderer = renderer;
        this.reports = reports;
    }

    /** @return the stored report's id */
    long generate(long accountId, ReportPeriod period) {
        return generate(accountId, period, stage -> { });
    }

    /** @param stages told when the work moves on (the reports page shows it) */
    long generate(long accountId, ReportPeriod period, Consumer<OnDemandReports.Stage> stages) {
        stages.accept(OnDemandReports.Stage.GATHERING);
        ReportContent content = data.gather(accountId, period);
        stages.accept(OnDemandReports.Stage.RENDERING);
        byte[] pdf = renderer.pdf(content);
        return reports.store(accountId, period, content.language(), content.generatedAt(), pdf);
    }
}
