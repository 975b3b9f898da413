package tmsp.correlation.authoring.review;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The retry cycle of the publication's service tasks, {@code tmsp.rules.publication-retry-cycle}, read by
 * rule-publication.bpmn as {@code ${rulePublicationRetries.cycle}}. Public: the expression language reads it by
 * reflection.
 */
@Component("rulePublicationRetries")
public class PublicationRetries {

    private final String cycle;

    PublicationRetries(@Value("${tmsp.rules.publication-retry-cycle:R3/PT1M}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
