package tmsp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tmsp.correlation.CorrelationRules;
import tmsp.ingest.StoredDetection;

/** The start-up warm-up runs the shipped rules over its made-up detections, in time order, and belongs to no account. */
class RuleEngineWarmUpTest {

    @Test
    void theShippedRulesSeeEveryMadeUpDetectionThroughThePipe() throws Exception {
        CorrelationRules rules = new CorrelationRules(new PathMatchingResourcePatternResolver(), "classpath*:rules");

        assertThat(new RuleEngineWarmUp(rules, 20_000).warmUp()).isEqualTo(20_000);
    }

    @Test
    void theMadeUpDetectionsComeInTimeOrderAndBelongToNoAccount() {
        List<StoredDetection> made = RuleEngineWarmUp.made(5_000).toList();

        assertThat(made).hasSize(5_000)
                .allSatisfy(d -> assertThat(d.accountId()).isEqualTo(RuleEngineWarmUp.NO_ACCOUNT));
        assertThat(made).extracting(d -> d.eventTime().toEpochMilli()).isSorted();
        assertThat(made).extracting(StoredDetection::threatType).contains("File Pattern", "Grayware",
                "Disruptive Applications", "Exploit");
        assertThat(made).extracting(StoredDetection::eventName).contains("Unsuccessful logon attempt");
    }

    @Test
    void aSwitchedOffWarmUpStartsNothing() throws Exception {
        CorrelationRules rules = new CorrelationRules(new PathMatchingResourcePatternResolver(), "classpath*:rules");
        long before = warmUpThreads();

        new RuleEngineWarmUp(rules, 0).afterStart();

        assertThat(warmUpThreads()).isEqualTo(before);
    }

    private static long warmUpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(RuleEngineWarmUp.THREAD_NAME)).count();
    }
}
