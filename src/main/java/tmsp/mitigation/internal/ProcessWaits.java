package tmsp.mitigation.internal;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Whether a case's process waits for one of its messages, and the correlation of it. A step that the process does
 * not wait for is refused (409, or a form error) instead of being recorded on a case whose process went elsewhere.
 */
@Component
class ProcessWaits {

    private final RuntimeService runtime;

    ProcessWaits(RuntimeService runtime) {
        this.runtime = runtime;
    }

    boolean waitsFor(long caseId, String message) {
        return runtime.createExecutionQuery().processDefinitionKey(MitigationProcess.KEY)
                .processInstanceBusinessKey(MitigationProcess.businessKey(caseId))
                .messageEventSubscriptionName(message).count() > 0;
    }

    /** Correlates in the caller's transaction: the process moves on only if the caller's change commits. */
    void correlate(long caseId, String message, Map<String, Object> variables) {
        // The message names are the mitigation process's own, so the business key alone finds the case's process.
        var correlation = runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(MitigationProcess.businessKey(caseId));
        variables.forEach(correlation::setVariable);
        correlation.correlate();
    }
}
