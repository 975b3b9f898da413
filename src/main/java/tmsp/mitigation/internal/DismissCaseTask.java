package tmsp.mitigation.internal;

import static tmsp.mitigation.internal.MitigationProcess.CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.DISMISS_REASON;
import static tmsp.mitigation.internal.MitigationProcess.REVIEWED_BY;
import static tmsp.mitigation.internal.MitigationProcess.number;
import static tmsp.mitigation.internal.MitigationProcess.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Dismiss the case" of threat-mitigation, with the reviewer and the reason. */
@Component("dismissMitigationCaseTask")
class DismissCaseTask implements JavaDelegate {

    private final CaseWork work;

    DismissCaseTask(CaseWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.dismiss(number(execution, CASE_ID), text(execution, REVIEWED_BY), text(execution, DISMISS_REASON));
    }
}
