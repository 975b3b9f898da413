package tmsp.mitigation.internal;

import static tmsp.mitigation.internal.MitigationProcess.CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.PATTERN_ID;
import static tmsp.mitigation.internal.MitigationProcess.number;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Close the case" of threat-mitigation: every targeted mitigator succeeded. */
@Component("closeMitigationCaseTask")
class CloseCaseTask implements JavaDelegate {

    private final PatternWork work;

    CloseCaseTask(PatternWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.close(number(execution, CASE_ID), number(execution, PATTERN_ID));
    }
}
