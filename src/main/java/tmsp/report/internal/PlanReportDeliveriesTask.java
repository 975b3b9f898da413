package tmsp.report.internal;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task plan-deliveries: the night's mails as a transient list, one send job each. */
@Component("planReportDeliveriesTask")
class PlanReportDeliveriesTask implements JavaDelegate {

    private final ReportDistribution distribution;

    PlanReportDeliveriesTask(ReportDistribution distribution) {
        this.distribution = distribution;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ReportProcess.DELIVERIES, ReportProcess.deliveries(distribution.plan(
                ((Number) execution.getVariable(ReportProcess.ACCOUNT_ID)).longValue(),
                LocalDate.parse((String) execution.getVariable(ReportProcess.DAY)))));
    }
}
