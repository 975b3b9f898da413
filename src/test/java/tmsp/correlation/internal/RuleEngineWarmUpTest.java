package tmsp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.DetectionFact;

/** The start-up warm-up runs the shipped rules over its made-up detections, in time order, and belongs to no account. */
class RuleEngineWarmUpTest {

    @Test
    void theShippedRulesSeeEveryMadeUpDetection() throws Exception {
        CorrelationRules rules = new CorrelationRules(new PathMatchingResourcePatternResolver(), "classpath*:rules");

        assertThat(new RuleEngineWarmUp(rules, 20_000).warmUp()).isEqualTo(20_000);
    }

    @Test
    void theMadeUpDetectionsComeInTimeOrderAndBelongToNoAccount() {
        List<DetectionFact> made = RuleEngineWarmUp.made(5_000).toList();

        assertThat(made).hasSize(5_000).allSatisfy(d -> assertThat(d.getAccountId()).isEqualTo(RuleEngineWarmUp.NO_ACCOUNT));
        assertThat(made).extracting(DetectionFact::getTimestamp).isSorted();
        assertThat(made).extracting(DetectionFact::getThreatType).contains("File Pattern", "Grayware",
                "Disruptive Applications", "Exploit");
    }

    @Test
    void aSwitchedOffWarmUpStartsNothing() throws Exception {
        CorrelationRules rules = new CorrelationRules(new PathMatchingResourcePatternResolver(), "classpath*:rules");
        long before = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("rule-engine-warm-up")).count();

        new RuleEngineWarmUp(rules, 0).afterStart();

        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("rule-engine-warm-up")))
                .hasSize((int) before);
    }
}
