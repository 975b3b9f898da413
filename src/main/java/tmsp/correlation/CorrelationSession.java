package tmsp.correlation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import tmsp.incident.IncidentFinding;
import org.kie.api.KieServices;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.time.SessionPseudoClock;

/**
 * One stream-mode session of a compiled rule set, driven by event time: a pseudo clock follows the detections'
 * times in steps of {@link #STEP_MS} (whole seconds), and the rules fire once per step, so sliding windows see
 * what they would have seen live. Detections must come in event-time order; one that is older than the clock is
 * still inserted but windows that have passed do not see it (the nightly run reads in order, so that only happens
 * live).
 * The first detection of each account and host is preceded by a {@link HostSeen} fact, the anchor of per-host
 * rules. Not thread-safe; always {@link #close()}.
 */
public final class CorrelationSession implements AutoCloseable {

    /**
     * The clock moves in steps of this much event time, and the rules fire once per step: detections a few
     * milliseconds apart are matched together, and a busy day costs a firing per second instead of one per
     * detection. Windows are exact to this step. Steps are whole seconds of the epoch, not counted from the first
     * detection: live correlation (which started long before) and the nightly run (which starts at the day's
     * read-back) then step, expire and fire at the same moments, and so find the same incidents.
     */
    static final long STEP_MS = 1_000;

    /** Rule firings allowed per clock step: a rule that loops is stopped, not left to spin. */
    static final int MAX_FIRINGS_PER_STEP = 1_000_000;

    /** Halts sessions whose time is up: one daemon thread for all, as halting is a flag the session reads. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rule-time-limit");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration timeLimit;
    private final long deadlineNanos;
    private volatile String firing;
    private final KieSession session;
    private final SessionPseudoClock clock;
    private final RaisedIncidents incidents;
    private final java.util.Map<Long, java.util.Set<String>> hostsByAccount = new java.util.HashMap<>();
    private long lastAccount = Long.MIN_VALUE;
    private java.util.Set<String> lastAccountHosts;
    private long inserted;

    public CorrelationSession(CompiledRules rules) {
        this(rules, null);
    }

    /**
     * A session that stops with {@link RuleTimeLimitExceeded} once it has worked {@code timeLimit} in all (null: no
     * limit): between detections, and by halting the rules between two firings. What a draft's test needs, where a
     * rule may be slow; the published rules run without one.
     */
    public CorrelationSession(CompiledRules rules, Duration timeLimit) {
        this.timeLimit = timeLimit;
        this.deadlineNanos = timeLimit == null ? 0 : System.nanoTime() + timeLimit.toNanos();
        KieSessionConfiguration configuration = KieServices.Factory.get().newKieSessionConfiguration();
        configuration.setOption(ClockTypeOption.PSEUDO);
        this.session = rules.kieBase().newKieSession(configuration, null);
        this.clock = session.getSessionClock();
        this.incidents = new RaisedIncidents(rules.rules());
        session.setGlobal("incidents", incidents);
        if (timeLimit != null) {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    firing = event.getMatch().getRule().getName();
                }
            });
        }
    }

    /** Runs detections (sorted here by event time) through a fresh session: what rule tests and backtests need. */
    public static List<IncidentFinding> correlate(CompiledRules rules, java.util.Collection<DetectionFact> detections) {
        try (CorrelationSession session = new CorrelationSession(rules)) {
            detections.stream().sorted(java.util.Comparator.comparingLong(DetectionFact::getTimestamp)
                    .thenComparingLong(DetectionFact::getId)).forEach(session::insert);
            return session.findings();
        }
    }

    /** Adds context facts that are not events (e.g. earlier days' incidents), before any detection. */
    public void insertFact(Object fact) {
        session.insert(fact);
    }

    public void insert(DetectionFact detection) {
        if (timeLimit != null && (inserted & 1023) == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new RuleTimeLimitExceeded(timeLimit, firing);
        }
        long now = clock.getCurrentTime();
        if (detection.getTimestamp() > now
                && (inserted == 0 || Math.floorDiv(detection.getTimestamp(), STEP_MS) > Math.floorDiv(now, STEP_MS))) {
            if (inserted > 0) {
                fire();
            }
            clock.advanceTime(detection.getTimestamp() - now, TimeUnit.MILLISECONDS);
        }
        if (detection.getHost() != null && hostsOf(detection.getAccountId()).add(detection.getHost())) {
            session.insert(new HostSeen(detection.getAccountId(), detection.getHost()));
        }
        session.insert(detection);
        inserted++;
    }

    /** The hosts seen of an account; the last account's set is kept at hand, as detections come by account. */
    private java.util.Set<String> hostsOf(long accountId) {
        if (accountId != lastAccount) {
            lastAccountHosts = hostsByAccount.computeIfAbsent(accountId, k -> new java.util.HashSet<>());
            lastAccount = accountId;
        }
        return lastAccountHosts;
    }

    /** Fires what is pending and returns every episode found so far. */
    public List<IncidentFinding> findings() {
        fire();
        return incidents.findings();
    }

    /** Drops episodes last seen before {@code instant}: a long-lived (live) session would otherwise keep them all. */
    public void forgetEpisodesBefore(java.time.Instant instant) {
        incidents.forgetBefore(instant);
    }

    public long inserted() {
        return inserted;
    }

    /** Facts the session holds now: bounded by the windows, not by the stream. */
    public long factCount() {
        return session.getFactCount();
    }

    private void fire() {
        int fired = timeLimit == null ? session.fireAllRules(MAX_FIRINGS_PER_STEP) : fireWithinTheLimit();
        if (fired >= MAX_FIRINGS_PER_STEP) {
            throw new IllegalStateException("Rules fired " + fired + " times at " + clock.getCurrentTime()
                    + " ms without settling: a rule loops");
        }
    }

    private int fireWithinTheLimit() {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new RuleTimeLimitExceeded(timeLimit, firing);
        }
        ScheduledFuture<?> stop = WATCHDOG.schedule(session::halt, left, TimeUnit.NANOSECONDS);
        try {
            int fired = session.fireAllRules(MAX_FIRINGS_PER_STEP);
            if (System.nanoTime() - deadlineNanos >= 0) {
                throw new RuleTimeLimitExceeded(timeLimit, firing);
            }
            return fired;
        } finally {
            stop.cancel(false);
        }
    }

    @Override
    public void close() {
        session.dispose();
    }
}
