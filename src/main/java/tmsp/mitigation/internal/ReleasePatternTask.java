package tmsp.mitigation.internal;

import static tmsp.mitigation.internal.MitigationProcess.CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.DEPLOYED_BY;
import static tmsp.mitigation.internal.MitigationProcess.PATTERN_ID;
import static tmsp.mitigation.internal.MitigationProcess.TARGETS;
import static tmsp.mitigation.internal.MitigationProcess.number;
import static tmsp.mitigation.internal.MitigationProcess.targets;
import static tmsp.mitigation.internal.MitigationProcess.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Release the pattern to the mitigators" of threat-mitigation (again after a re-issue). */
@Component("releaseCleanupPatternTask")
class ReleasePatternTask implements JavaDelegate {

    private final PatternWork work;

    ReleasePatternTask(PatternWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.release(number(execution, CASE_ID), number(execution, PATTERN_ID), targets(text(execution, TARGETS)),
                text(execution, DEPLOYED_BY));
    }
}
