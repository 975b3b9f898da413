package tmsp.support;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.authoring.RuleSetStore;

/** For tests that publish rule set versions on the shared test database: put the shipped rules back after. */
public final class RuleSets {

    private RuleSets() {
    }

    /** Publishes version 1's files again when a test left other files, parameters or exceptions published. */
    public static void publishTheFirstVersionAgain(RuleSetStore store, JdbcTemplate jdbc, CorrelationRules rules) {
        RuleSetStore.StoredVersion first = store.load(jdbc.queryForObject(
                "select id from rule_set_versions where number = 1", Long.class));
        RuleSetStore.StoredVersion published = store.published().orElseThrow();
        if (!published.files().equals(first.files()) || !published.overrides().isEmpty()
                || !published.exceptions().isEmpty()) {
            store.publish(first.files(), Map.of(), "test", "test", "back to the shipped rules");
            rules.refresh();
        }
    }
}
