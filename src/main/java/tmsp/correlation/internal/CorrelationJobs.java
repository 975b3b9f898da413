package tmsp.correlation.internal;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;

/** The correlation process's failing jobs (retries left or an incident), and retrying one now. */
@Service
class CorrelationJobs {

    static final int SHOWN = 100;

    /** A failing job: which run (none for the nightly queuing), its last error, and its tries left. */
    record FailedJob(String jobId, Long runId, String businessKey, int retriesLeft, String error, Date due) {
        public boolean isIncident() {
            return retriesLeft == 0;
        }
    }

    private final ManagementService management;
    private final RuntimeService runtime;
    private final CorrelationSettings settings;

    CorrelationJobs(ManagementService management, RuntimeService runtime, CorrelationSettings settings) {
        this.management = management;
        this.runtime = runtime;
        this.settings = settings;
    }

    List<FailedJob> failing() {
        return management.createJobQuery().processDefinitionKey(CorrelationProcess.KEY).withException()
                .orderByJobRetries().asc().orderByJobDuedate().asc().listPage(0, SHOWN).stream()
                .map(this::describe).toList();
    }

    /**
     * Gives a job of the correlation process its configured tries again and makes it due now (which
     * resolves its incident); the job executor takes it from there.
     *
     * @return false when there is no such job of this process (finished meanwhile, or another process's)
     */
    boolean retry(String jobId) {
        Job job = management.createJobQuery().processDefinitionKey(CorrelationProcess.KEY).jobId(jobId).singleResult();
        if (job == null) {
            return false;
        }
        management.setJobRetries(jobId, settings.jobRetries());
        management.setJobDuedate(jobId, new Date());
        return true;
    }

    private FailedJob describe(Job job) {
        Object runId = runtime.getVariable(job.getExecutionId(), CorrelationProcess.RUN_ID);
        String businessKey = runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                .singleResult().getBusinessKey();
        return new FailedJob(job.getId(), runId == null ? null : ((Number) runId).longValue(), businessKey,
                job.getRetries(), job.getExceptionMessage(), job.getDuedate());
    }
}
