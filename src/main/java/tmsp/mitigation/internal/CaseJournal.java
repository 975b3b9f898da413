package tmsp.mitigation.internal;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tmsp.mitigation.CaseStep;
import tmsp.mitigation.MitigationEvents.CaseStepTaken;

/**
 * Writes a case's history: every step with who and when, on the case and (through {@link CaseStepTaken}) in the
 * system log, inside the transaction of the change it describes.
 */
@Component
class CaseJournal {

    static final int MAX_DETAILS = 1000;

    private final CaseSteps steps;
    private final ApplicationEventPublisher events;

    CaseJournal(CaseSteps steps, ApplicationEventPublisher events) {
        this.steps = steps;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(MitigationCase mitigationCase, String actor, CaseStep step, String details) {
        String bounded = details == null || details.length() <= MAX_DETAILS ? details
                : details.substring(0, MAX_DETAILS - 1) + "…";
        steps.save(new CaseStepEntry(mitigationCase.id(), Instant.now(), actor, step, bounded));
        events.publishEvent(new CaseStepTaken(actor, mitigationCase.accountId(), mitigationCase.id(), step, bounded));
    }
}
