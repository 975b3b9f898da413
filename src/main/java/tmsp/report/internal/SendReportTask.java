package tmsp.report.internal;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task send-report (one job per mail, retried on the configured cycle, then a Camunda incident). */
@Component("sendReportTask")
class SendReportTask implements JavaDelegate {

    private final ReportDistribution distribution;

    SendReportTask(ReportDistribution distribution) {
        this.distribution = distribution;
    }

    @Override
    public void execute(DelegateExecution execution) {
        distribution.send(((Number) execution.getVariable(ReportProcess.ACCOUNT_ID)).longValue(),
                LocalDate.parse((String) execution.getVariable(ReportProcess.DAY)),
                (String) execution.getVariable(ReportProcess.DELIVERY));
    }
}
