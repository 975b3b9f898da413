package tmsp.correlation.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.CorrelationSession;
import tmsp.ingest.Detections;

/**
 * Once the portal has started, runs the published rules over made-up detections on a background thread (of low
 * priority, a hint the JVM ignores on Linux: for its seconds it competes for the CPU), the way a run does, and
 * throws the result away: PostgreSQL makes the rows up ({@link Detections#streamMadeUp}), they come through the
 * run's own reading path (cursor, row mapping, facts made on a reading thread, {@link DetectionPipe}) into a
 * session of the published rules. Otherwise the first run after a start pays for the JIT compiling all of that
 * while it runs. The detections belong to no account, are never stored and raise nothing anyone sees.
 */
@Component
class RuleEngineWarmUp {

    private static final Logger log = LoggerFactory.getLogger(RuleEngineWarmUp.class);
    static final String THREAD_NAME = "rule-engine-warm-up";

    private final CorrelationRules rules;
    private final Detections detections;
    private final int count;

    RuleEngineWarmUp(CorrelationRules rules, Detections detections,
                     @Value("${tmsp.correlation.warm-up-detections:200000}") int count) {
        this.rules = rules;
        this.detections = detections;
        this.count = count;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (count <= 0) {
            return;
        }
        Thread thread = new Thread(this::warmUp, THREAD_NAME);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** @return the detections the rules saw (0 when the warm-up failed, which only costs the first run time) */
    long warmUp() {
        long started = System.nanoTime();
        CompiledRules compiled = rules.current();
        try (CorrelationSession session = new CorrelationSession(compiled)) {
            if (DetectionPipe.run(each -> detections.streamMadeUp(count, each), session) == 0) {
                log.info("Rule engine not warmed up: this database makes up no detections (PostgreSQL does)");
                return 0;
            }
            int findings = session.findings().size();
            log.info("Rule engine warmed up: {} made-up detections through rule set {} in {} ms ({} findings, "
                    + "thrown away)", session.inserted(), compiled.version(), (System.nanoTime() - started) / 1_000_000,
                    findings);
            return session.inserted();
        } catch (RuntimeException e) {
            log.warn("Warming up the rule engine failed; the first correlation run will be slower", e);
            return 0;
        }
    }
}
