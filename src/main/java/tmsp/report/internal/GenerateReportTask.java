package tmsp.report.internal;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service tasks generate-daily/-weekly/-monthly of report-distribution: the type comes as an input parameter. */
@Component("generateReportTask")
class GenerateReportTask implements JavaDelegate {

    private final ReportDistribution distribution;

    GenerateReportTask(ReportDistribution distribution) {
        this.distribution = distribution;
    }

    @Override
    public void execute(DelegateExecution execution) {
        distribution.generate(((Number) execution.getVariable(ReportProcess.ACCOUNT_ID)).longValue(),
                LocalDate.parse((String) execution.getVariable(ReportProcess.DAY)),
                ReportType.valueOf((String) execution.getVariable(ReportProcess.REPORT_TYPE)));
    }
}
