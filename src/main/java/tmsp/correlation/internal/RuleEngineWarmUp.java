package tmsp.correlation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.CorrelationSession;
import tmsp.ingest.Direction;
import tmsp.ingest.Severity;
import tmsp.ingest.StoredDetection;

/**
 * Once the portal has started, runs the published rules over made-up detections on a background thread (of low
 * priority, a hint the JVM ignores on Linux: for its seconds it competes for the CPU), the way a run does (facts made on a reading thread and handed through {@link DetectionPipe}), and
 * throws the result away. Otherwise the first run after a start pays for the JIT compiling the rule engine, the
 * fact making and the pipe while it runs. The detections belong to no account, are never stored and raise
 * nothing anyone sees.
 */
@Component
class RuleEngineWarmUp {

    private static final Logger log = LoggerFactory.getLogger(RuleEngineWarmUp.class);
    /** An account id no account has: the warm-up's findings could never be mistaken for an account's. */
    static final long NO_ACCOUNT = -1;
    static final String THREAD_NAME = "rule-engine-warm-up";
    private static final List<String> THREAT_TYPES = List.of("File Pattern", "Malicious Behavior",
            "Suspicious Behavior", "Exploit", "Grayware", "Web Reputation", "Disruptive Applications");
    private static final Severity[] SEVERITIES = {Severity.INFORMATIONAL, Severity.LOW, Severity.MEDIUM, Severity.HIGH};
    private static final List<String> PHASES = List.of("Point of Entry", "Command and Control Communication",
            "Lateral Movement", "Asset and Data Discovery", "Data Exfiltration");

    private final CorrelationRules rules;
    private final int detections;

    RuleEngineWarmUp(CorrelationRules rules, @Value("${tmsp.correlation.warm-up-detections:200000}") int detections) {
        this.rules = rules;
        this.detections = detections;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (detections <= 0) {
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
            DetectionPipe.run(each -> {
                made(detections).forEach(each);
                return detections;
            }, session::insert);
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

    /** Detections of every threat type over six hours of one made-up network, in time order, made as they are read. */
    static Stream<StoredDetection> made(int count) {
        SplittableRandom random = new SplittableRandom(42);
        Instant start = Instant.parse("2000-01-01T00:00:00Z");
        long spanMs = Duration.ofHours(6).toMillis();
        return IntStream.range(0, count).mapToObj(i -> {
            String threatType = THREAT_TYPES.get(random.nextInt(THREAT_TYPES.size()));
            int host = random.nextInt(500);
            boolean logon = random.nextInt(5) == 0;
            boolean inbound = random.nextInt(10) == 0;
            String eventName = logon ? "Unsuccessful logon attempt" : threatType + " detected";
            return new StoredDetection(i + 1L, NO_ACCOUNT, 0, start.plusMillis(spanMs * i / count),
                    SEVERITIES[random.nextInt(SEVERITIES.length)], eventName, threatType,
                    random.nextInt(50) == 0 ? "WARMUP_TROJ." + random.nextInt(20) : null, null,
                    logon ? "Unsuccessful logon attempt" : "Warm-up rule " + random.nextInt(30), "not blocked",
                    "10.255." + (host / 250) + "." + (host % 250 + 1), "warm-up-ws-" + host,
                    49152 + random.nextInt(10000),
                    random.nextBoolean() ? "10.255.9." + (1 + random.nextInt(8)) : "198.18.0." + (1 + random.nextInt(250)),
                    null, List.of(80, 443, 445, 3389, 22).get(random.nextInt(5)), null, null, null, null, null,
                    inbound ? Direction.INBOUND : Direction.OUTBOUND,
                    random.nextInt(10) == 0 ? PHASES.get(random.nextInt(PHASES.size())) : null,
                    logon ? "user" + random.nextInt(40) : null, null, null, 1, "");
        });
    }
}
