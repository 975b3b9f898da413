package tmsp.correlation.internal;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Queue a run per account": maps the night's day to one service call and its run ids to the
 * transient collection. Runs are created in the job's transaction, so a job that runs again after a failure
 * finds none of its earlier runs.
 */
@Component("queueNightlyRunsTask")
class QueueNightlyRunsTask implements JavaDelegate {

    private final CorrelationRequests requests;

    QueueNightlyRunsTask(CorrelationRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate day = LocalDate.parse((String) execution.getVariable(CorrelationProcess.DAY));
        execution.setVariable(CorrelationProcess.RUN_IDS, CorrelationProcess.runIds(requests.queueNightly(day)));
    }
}
