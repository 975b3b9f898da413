package tmsp.mitigation.internal;

import static tmsp.mitigation.internal.MitigationProcess.CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.number;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Announce threat sample ready" of threat-mitigation: once per case (CaseWork#announce). */
@Component("announceThreatSampleTask")
class AnnounceSampleTask implements JavaDelegate {

    private final CaseWork work;

    AnnounceSampleTask(CaseWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.announce(number(execution, CASE_ID));
    }
}
