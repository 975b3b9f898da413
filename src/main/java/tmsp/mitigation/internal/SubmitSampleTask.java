package tmsp.mitigation.internal;

import static tmsp.mitigation.internal.MitigationProcess.CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.REVIEWED_BY;
import static tmsp.mitigation.internal.MitigationProcess.number;
import static tmsp.mitigation.internal.MitigationProcess.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Send the sample to the vendor" of threat-mitigation: the route tries, then the job fails. */
@Component("submitThreatSampleTask")
class SubmitSampleTask implements JavaDelegate {

    private final VendorSubmission work;

    SubmitSampleTask(VendorSubmission work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.submit(number(execution, CASE_ID), text(execution, REVIEWED_BY));
    }
}
