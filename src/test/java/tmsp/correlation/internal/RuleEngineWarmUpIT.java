package tmsp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.correlation.CorrelationRules;
import tmsp.ingest.Detections;
import tmsp.support.IntegrationTest;

/**
 * The start-up warm-up (switched off for the other integration tests) reads PostgreSQL's made-up detections
 * through the run's reading path into the published rules, and leaves nothing behind.
 */
@IntegrationTest
class RuleEngineWarmUpIT {

    @Autowired CorrelationRules rules;
    @Autowired Detections detections;
    @Autowired JdbcTemplate jdbc;

    @Test
    void thePublishedRulesSeeEveryMadeUpDetectionAndNothingIsStoredOrRaised() {
        long stored = count("detections");
        long incidents = count("incidents");

        assertThat(new RuleEngineWarmUp(rules, detections, 20_000).warmUp()).isEqualTo(20_000);

        assertThat(count("detections")).isEqualTo(stored);
        assertThat(count("incidents")).isEqualTo(incidents);
    }

    @Test
    void nothingMadeUpIsNoWarmUpAndAStoppedWarmUpOnlyCostsTheFirstRunTime() {
        assertThat(new RuleEngineWarmUp(rules, detections, 0).warmUp()).as("no rows, no session work").isZero();

        // interrupted while it waits for the reading thread: the pipe stops both sides, the warm-up gives up
        Thread.currentThread().interrupt();
        try {
            assertThat(new RuleEngineWarmUp(rules, detections, 20_000).warmUp()).isZero();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aSwitchedOffWarmUpStartsNothing() {
        long before = warmUpThreads();

        new RuleEngineWarmUp(rules, detections, 0).afterStart();

        assertThat(warmUpThreads()).isEqualTo(before);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static long warmUpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(RuleEngineWarmUp.THREAD_NAME)).count();
    }
}
