package tmsp.correlation.authoring;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.RuleCompilationException;

/**
 * Every node compiles the versions in review ahead, in the background, so that publishing one costs no compilation:
 * the approving node and every other node's refresh find it compiled (measured by bench/publication.sh).
 */
@Component
class ReviewPreparation {

    private static final Logger log = LoggerFactory.getLogger(ReviewPreparation.class);

    private final RuleSetStore store;
    private final CorrelationRules rules;
    private final Set<Long> done = Collections.synchronizedSet(new HashSet<>());

    ReviewPreparation(RuleSetStore store, CorrelationRules rules) {
        this.store = store;
        this.rules = rules;
    }

    @Scheduled(fixedDelayString = "${tmsp.rules.refresh:2s}", initialDelayString = "${tmsp.rules.refresh:2s}")
    void prepareVersionsInReview() {
        for (long id : store.idsInReview()) {
            if (done.add(id)) {
                prepare(id);
            }
        }
    }

    private void prepare(long id) {
        RuleSetStore.StoredVersion version = store.load(id);
        try {
            rules.prepare(version.files(), version.overrides());
            log.info("Rule set {} in review is compiled ahead of its publication", version.label());
        } catch (RuleCompilationException e) {
            // Submission checked it; a row changed behind the portal's back is refused again when approved.
            log.warn("Rule set {} in review does not compile: {}", version.label(), e.getMessage());
        }
    }

    /** For tests: what was prepared so far. */
    List<Long> prepared() {
        return List.copyOf(done);
    }
}
