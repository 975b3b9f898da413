package tmsp.correlation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.account.AccountActivity;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.CorrelationEvents.CorrelationFinished;
import tmsp.correlation.CorrelationRules;
import tmsp.correlation.CorrelationSession;
import tmsp.correlation.PriorIncident;
import tmsp.correlation.RuleDefinition;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentHistory;
import tmsp.incident.IncidentRecorder;
import tmsp.incident.IncidentSuppression;
import tmsp.ingest.Detections;

/**
 * One correlation run: the account's detections of its day (and, before it, the rule set's longest window, so
 * an episode crossing midnight is seen whole) through a session of the published rules, with the account's
 * earlier incidents as context; the episodes that reach into the day are recorded as incidents, those the rule
 * set's exceptions match marked suppressed (and left out of the account's Incidents column).
 *
 * <p>Each step commits on its own (the caller may be a Camunda job whose transaction is rolled back when it
 * fails): "running" first, then the incidents together with "done" and the Incidents column, or "failed" with
 * the error, after which the exception goes on so that the job fails and is retried. A done run is not run
 * again, so a job that runs twice changes nothing.
 */
@Service
class AccountCorrelation {

    private static final Logger log = LoggerFactory.getLogger(AccountCorrelation.class);

    private final CorrelationRuns runs;
    private final CorrelationRules rules;
    private final Detections detections;
    private final IncidentHistory history;
    private final IncidentRecorder recorder;
    private final AccountActivity activity;
    private final CorrelationSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;

    AccountCorrelation(CorrelationRuns runs, CorrelationRules rules, Detections detections, IncidentHistory history,
                       IncidentRecorder recorder, AccountActivity activity, CorrelationSettings settings,
                       PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.runs = runs;
        this.rules = rules;
        this.detections = detections;
        this.history = history;
        this.recorder = recorder;
        this.activity = activity;
        this.settings = settings;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What a run read and concluded, before it is recorded. */
    record Correlated(long detectionsRead, List<IncidentFinding> findings) {
    }

    void run(long runId) {
        CompiledRules ruleSet = rules.current();
        Optional<CorrelationRun> started = inOwnTransaction(() -> runs.findById(runId)
                .filter(run -> !run.isDone())
                .map(run -> {
                    run.start(ruleSet.version(), Instant.now());
                    return run;
                }));
        if (started.isEmpty()) {
            log.info("Correlation run {} is done or gone: nothing to do", runId);
            return;
        }
        CorrelationRun run = started.get();
        try {
            Correlated correlated = correlate(run.getAccountId(), run.getDay(), ruleSet);
            Function<IncidentFinding, IncidentSuppression> verdict = ExceptionVerdicts.of(ruleSet, settings.zone());
            inOwnTransaction(() -> {
                IncidentRecorder.Recorded recorded = recorder.record(run.getAccountId(), correlated.findings(),
                        episodeGaps(ruleSet), verdict);
                Instant now = Instant.now();
                CorrelationRun current = runs.findById(runId).orElseThrow();
                current.finish(correlated.detectionsRead(), correlated.findings().size(), recorded.raised(),
                        recorded.updated(), now);
                activity.incidentsCounted(run.getAccountId(),
                        ExceptionVerdicts.visible(correlated.findings(), verdict), now);
                events.publishEvent(new CorrelationFinished(runId, current.getAccountId(), current.getDay(),
                        current.getTrigger() == RunTrigger.NIGHTLY, correlated.detectionsRead(), recorded.raised(),
                        recorded.updated()));
                return current;
            });
            log.info("Correlation run {} (account {}, {}): {} detections read, {} incidents found", runId,
                    run.getAccountId(), run.getDay(), correlated.detectionsRead(), correlated.findings().size());
        } catch (RuntimeException e) {
            log.warn("Correlation run {} (account {}, {}) failed", runId, run.getAccountId(), run.getDay(), e);
            try {
                inOwnTransaction(() -> runs.findById(runId).map(r -> {
                    r.fail(describe(e), Instant.now());
                    return r;
                }));
            } catch (RuntimeException notRecorded) {
                e.addSuppressed(notRecorded);
            }
            throw e;
        }
    }

    /** Reads the account's detections of the day, and the window before it, through a fresh session. */
    Correlated correlate(long accountId, java.time.LocalDate day, CompiledRules ruleSet) {
        ZonedDateTime start = settings.startOf(day);
        Instant dayStart = start.toInstant();
        Instant dayEnd = start.plusDays(1).toInstant();
        try (CorrelationSession session = new CorrelationSession(ruleSet)) {
            for (IncidentHistory.HostIncident prior : history.hostIncidents(accountId,
                    dayStart.minus(settings.history()), dayStart)) {
                session.insertFact(new PriorIncident(accountId, prior.host(), prior.ruleId(), prior.firstSeen(),
                        prior.lastSeen()));
            }
            long read = DetectionPipe.run(
                    each -> detections.stream(accountId, dayStart.minus(ruleSet.longestWindow()), dayEnd, each),
                    session);
            // Episodes that ended before the day belong to the day before, whose run records them.
            List<IncidentFinding> ofTheDay = session.findings().stream()
                    .filter(f -> !f.lastSeen().isBefore(dayStart)).toList();
            return new Correlated(read, ofTheDay);
        }
    }

    static Map<String, Duration> episodeGaps(CompiledRules ruleSet) {
        return ruleSet.rules().stream().collect(Collectors.toMap(RuleDefinition::id, RuleDefinition::episodeGap,
                (a, b) -> a.compareTo(b) >= 0 ? a : b));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private <T> T inOwnTransaction(Supplier<T> work) {
        return ownTransaction.execute(status -> work.get());
    }
}
