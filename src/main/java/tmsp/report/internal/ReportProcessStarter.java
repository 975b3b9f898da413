package tmsp.report.internal;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts the night's report distribution of one account, once per account and day. */
@Component
class ReportProcessStarter {

    private final RuntimeService runtime;
    private final HistoryService history;

    ReportProcessStarter(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    /** @return whether a process was started (false: this account's night already has one, running or done) */
    boolean start(long accountId, LocalDate day) {
        String key = ReportProcess.businessKey(accountId, day);
        // History holds running and ended instances alike: a repeated event after the first finished is still a repeat.
        if (history.createHistoricProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY)
                .processInstanceBusinessKey(key).count() > 0) {
            return false;
        }
        runtime.startProcessInstanceByKey(ReportProcess.KEY, key, Map.of(
                ReportProcess.ACCOUNT_ID, accountId,
                ReportProcess.DAY, day.toString(),
                ReportProcess.WEEKLY_DUE, ReportSchedule.weeklyDue(day),
                ReportProcess.MONTHLY_DUE, ReportSchedule.monthlyDue(day)));
        return true;
    }
}
