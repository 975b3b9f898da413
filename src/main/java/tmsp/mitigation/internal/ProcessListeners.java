package tmsp.mitigation.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tmsp.mitigation.MitigationEvents.PatternDeploymentReported;
import tmsp.mitigation.MitigationEvents.ThreatSampleReceived;

/**
 * What moves the mitigation process from outside it: a new case starts it, a mitigator's deployment report may
 * finish its deployment. Each runs after the change committed, in a transaction of its own, through the event
 * publication registry (one that fails is resubmitted at start-up), and does nothing when run again.
 */
@Component
class ProcessListeners {

    private final CaseWork cases;
    private final PatternWork patterns;

    ProcessListeners(CaseWork cases, PatternWork patterns) {
        this.cases = cases;
        this.patterns = patterns;
    }

    @ApplicationModuleListener
    void on(ThreatSampleReceived received) {
        cases.startProcess(received.caseId());
    }

    @ApplicationModuleListener
    void on(PatternDeploymentReported reported) {
        patterns.deploymentReported(reported);
    }
}
