package tmsp.correlation.internal;

import org.springframework.stereotype.Component;

/**
 * The correlation jobs' retry cycle from configuration, as the process reads it:
 * {@code ${correlationJobRetries.cycle}}. Public: the expression language reads it by reflection.
 */
@Component("correlationJobRetries")
public class CorrelationJobRetries {

    private final String cycle;

    CorrelationJobRetries(CorrelationSettings settings) {
        this.cycle = settings.retryCycle();
    }

    public String getCycle() {
        return cycle;
    }
}
