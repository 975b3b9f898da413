package tmsp.mitigation.internal;

import org.springframework.stereotype.Component;

/**
 * The retry cycle of the mitigation process's automatic steps, {@code tmsp.mitigation.retry-cycle}, read by
 * threat-mitigation.bpmn as {@code ${mitigationRetries.cycle}}. Public: the expression language reads it by
 * reflection.
 */
@Component("mitigationRetries")
public class MitigationRetries {

    private final String cycle;

    MitigationRetries(MitigationProperties properties) {
        this.cycle = properties.retryCycle();
    }

    public String getCycle() {
        return cycle;
    }
}
