package tmsp.correlation.authoring.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.CorrelationSession;
import tmsp.correlation.RuleExceptions;
import tmsp.correlation.DetectionFact;
import tmsp.correlation.FactStrings;
import tmsp.correlation.PriorIncident;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentHistory;
import tmsp.ingest.Detections;

/**
 * Runs tests on a small pool of its own ({@code tmsp.rules.test-workers}, default 1, and a queue of
 * {@code tmsp.rules.test-queue}): a test is heavy, and a portal must not run many at once. Each reads the
 * detections once through the ingest module's read API and feeds a session of the published rules and one of the
 * draft ({@link TwinCorrelation}); it bounds the days in the configured zone as the nightly run does, reads the
 * rules' longest window before the first day, and gives both sides the account's earlier incidents as context.
 * Nothing is written but the test's own row: a test never records incidents.
 */
@Component
class DraftTestRunner {

    private static final Logger log = LoggerFactory.getLogger(DraftTestRunner.class);
    static final String INTERRUPTED = "interrupted by a restart";
    /** The result column's size. */
    static final int MAX_RESULT_CHARS = 1_000_000;

    private final DraftTestRows rows;
    private final CorrelationRules published;
    private final Detections detections;
    private final IncidentHistory history;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final ZoneId zone;
    private final Duration historyWindow;
    private final ThreadPoolExecutor workers;
    /** How long a draft's session may work in all: a draft's rules are untrusted, and may be slow beyond use. */
    private final Duration draftTimeLimit;
    private final Map<Long, TestProgress> running = new ConcurrentHashMap<>();

    DraftTestRunner(DraftTestRows rows, CorrelationRules published, Detections detections, IncidentHistory history,
                    ObjectMapper json, PlatformTransactionManager transactions,
                    @Value("${tmsp.correlation.zone:UTC}") ZoneId zone,
                    @Value("${tmsp.correlation.history:14d}") Duration historyWindow,
                    @Value("${tmsp.rules.test-workers:1}") int threads,
                    @Value("${tmsp.rules.test-queue:10}") int queued,
                    @Value("${tmsp.rules.test-time-limit:30m}") Duration draftTimeLimit) {
        this.draftTimeLimit = draftTimeLimit;
        this.rows = rows;
        this.published = published;
        this.detections = detections;
        this.history = history;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.zone = zone;
        this.historyWindow = historyWindow;
        AtomicInteger number = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(queued),
                r -> {
                    Thread t = new Thread(r, "rule-test-" + number.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Tests a stopped node had taken will never end by themselves: say so, once this node is up. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        Integer failed = transaction.execute(status -> rows.failAll(List.of(TestStatus.QUEUED, TestStatus.RUNNING),
                INTERRUPTED, Instant.now()));
        if (failed != null && failed > 0) {
            log.info("{} rule test(s) left queued or running by a restart are marked failed", failed);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    ZoneId zone() {
        return zone;
    }

    /** @throws java.util.concurrent.RejectedExecutionException when the queue is full */
    void submit(long testId, CompiledRules draft, TestSource source) {
        workers.execute(() -> run(testId, draft, source));
    }

    /** Whether a new test would be refused: every worker busy and the queue full. */
    boolean queueFull() {
        return workers.getQueue().remainingCapacity() == 0 && workers.getActiveCount() >= workers.getMaximumPoolSize();
    }

    /** A test whose row was committed but that no worker took (the queue filled meanwhile). */
    void failUnqueued(long testId) {
        transaction.executeWithoutResult(s -> rows.findById(testId)
                .ifPresent(t -> t.fail("too many rule tests were waiting", Instant.now())));
    }

    /** Stops a test that runs on this node at its next block; another node's sees the request within a second. */
    void cancelHere(long testId) {
        TestProgress progress = running.get(testId);
        if (progress != null) {
            progress.cancel();
        }
    }

    void run(long testId, CompiledRules draft, TestSource source) {
        CompiledRules current = published.current();
        Boolean started = transaction.execute(s -> rows.findById(testId).map(t -> t.start(Instant.now())).orElse(false));
        if (!Boolean.TRUE.equals(started)) {
            return;
        }
        Instant t0 = Instant.now();
        Range range = range(source, current, draft);
        TestProgress progress = source instanceof TestSource.Pasted pasted
                ? TestProgress.overCount(pasted.detections().size())
                : TestProgress.overSpan(range.readFrom().toEpochMilli(), range.to().toEpochMilli());
        running.put(testId, progress);
        try {
            TwinCorrelation.Outcome outcome;
            try (CorrelationSession publishedSide = new CorrelationSession(current);
                 CorrelationSession draftSide = new CorrelationSession(draft, draftTimeLimit)) {
                if (source instanceof TestSource.StoredDays days) {
                    giveHistory(days.accountId(), range.from(), publishedSide, draftSide);
                }
                outcome = TwinCorrelation.run(reader(source, range), publishedSide, draftSide, progress,
                        () -> tick(testId, progress));
            }
            IncidentDiff diff = TestEvidence.fill(
                    IncidentDiff.of(shown(outcome.published(), current, range), shown(outcome.draft(), draft, range)), source,
                    detections);
            TestResult result = new TestResult(current.version(), draft.version(),
                    shown(outcome.published(), current, range).size(), shown(outcome.draft(), draft, range).size(), diff);
            String text = write(result);
            transaction.executeWithoutResult(s -> rows.findById(testId)
                    .ifPresent(t -> t.finish(text, outcome.read(), Instant.now())));
            log.info("Rule test {}: {} detections in {} ms; {} added, {} removed, {} changed, {} unchanged", testId,
                    outcome.read(), Duration.between(t0, Instant.now()).toMillis(), diff.addedCount(),
                    diff.removedCount(), diff.changedCount(), diff.unchangedCount());
        } catch (TwinCorrelation.Cancelled e) {
            transaction.executeWithoutResult(s -> rows.findById(testId)
                    .ifPresent(t -> t.cancelled(progress.detectionsRead(), Instant.now())));
            log.info("Rule test {} cancelled after {} detections", testId, progress.detectionsRead());
        } catch (RuntimeException | Error e) {
            log.warn("Rule test {} failed", testId, e);
            String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            transaction.executeWithoutResult(s -> rows.findById(testId).ifPresent(t -> t.fail(reason, Instant.now())));
        } finally {
            running.remove(testId);
        }
    }

    /**
     * The instants of a test: {@code from} to {@code to} are its days (what incidents must reach into, as the nightly
     * run keeps what reaches into its day), read from {@code readFrom}, the longer of both sides' windows earlier.
     */
    record Range(Instant readFrom, Instant from, Instant to) {
    }

    private Range range(TestSource source, CompiledRules current, CompiledRules draft) {
        if (source instanceof TestSource.StoredDays days) {
            Instant from = days.from().atStartOfDay(zone).toInstant();
            Instant to = days.to().plusDays(1).atStartOfDay(zone).toInstant();
            Duration window = max(current.longestWindow(), draft.longestWindow());
            return new Range(from.minus(window), from, to);
        }
        return new Range(Instant.MIN, Instant.MIN, Instant.MAX);
    }

    private ToLongFunction<Consumer<DetectionFact>> reader(TestSource source, Range range) {
        if (source instanceof TestSource.StoredDays days) {
            return each -> {
                FactStrings strings = new FactStrings(); // the reading thread's own
                return detections.stream(days.accountId(), range.readFrom(), range.to(),
                        d -> each.accept(DetectionFact.of(d, strings)));
            };
        }
        List<tmsp.ingest.StoredDetection> pasted = ((TestSource.Pasted) source).detections();
        return each -> {
            pasted.stream().map(DetectionFact::of)
                    .sorted(java.util.Comparator.comparingLong(DetectionFact::getTimestamp)
                            .thenComparingLong(DetectionFact::getId))
                    .forEach(each);
            return pasted.size();
        };
    }

    private void giveHistory(long accountId, Instant from, CorrelationSession... sessions) {
        for (IncidentHistory.HostIncident prior : history.hostIncidents(accountId, from.minus(historyWindow), from)) {
            for (CorrelationSession session : sessions) {
                session.insertFact(new PriorIncident(accountId, prior.host(), prior.ruleId(), prior.firstSeen(),
                        prior.lastSeen()));
            }
        }
    }

    /** Episodes that ended before the first day belong to the day before, as in the nightly run. */
    /**
     * What a side's incidents would show: those reaching into the tested days and not suppressed by one of that
     * side's rule exceptions (judged on the day of their last detection, as a run judges them).
     */
    private List<IncidentFinding> shown(List<IncidentFinding> findings, CompiledRules rules, Range range) {
        return findings.stream().filter(f -> !f.lastSeen().isBefore(range.from()))
                .filter(f -> RuleExceptions.suppressing(rules.exceptions(), f, LocalDate.ofInstant(f.lastSeen(), zone))
                        .isEmpty())
                .toList();
    }

    private void tick(long testId, TestProgress progress) {
        try {
            Boolean cancel = transaction.execute(s -> rows.findById(testId).map(t -> {
                t.progressed(progress.fraction(), progress.detectionsRead());
                return t.isCancelRequested();
            }).orElse(true));
            if (Boolean.TRUE.equals(cancel)) {
                progress.cancel();
            }
        } catch (RuntimeException e) {
            // Progress is for people; a database hiccup must not stop the test.
            log.warn("Rule test {}: progress not recorded: {}", testId, e.getMessage());
        }
    }

    /** As JSON that fits its column: when the listed items make it too long, fewer are listed (counts stay). */
    private String write(TestResult result) {
        try {
            String text = json.writeValueAsString(result);
            while (text.length() > MAX_RESULT_CHARS) {
                IncidentDiff d = result.diff();
                result = new TestResult(result.publishedVersion(), result.draftVersion(),
                        result.publishedIncidents(), result.draftIncidents(), d.withItems(half(d.added()),
                                half(d.removed()), half(d.changed())));
                text = json.writeValueAsString(result);
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a test result always serialises", e);
        }
    }

    private static <T> List<T> half(List<T> items) {
        return items.subList(0, items.size() / 2);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
