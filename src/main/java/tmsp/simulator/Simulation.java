package tmsp.simulator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a simulation: registers the fleet, sends heartbeats, then sends the generated lines at the rate asked for
 * (lines are due at their event time, one second's worth at a time), grouped per appliance into uploads or syslog
 * messages, and the mitigators' status reports and samples when they are due; mitigators ask for cleanup patterns
 * every so often and once at the end. Nothing here throws for what the portal answers: it all ends up in the
 * {@link SimulationReport}.
 */
public final class Simulation {

    static final String VERSION = LogLines.VERSION;
    static final String PATTERN_VERSION = "19.541.00";

    private final SimulatorOptions options;
    private final List<SimulatedAppliance> fleet;
    private final Traffic traffic;
    private final Plan plan;
    private final SimulatedMitigators mitigators;
    private final PortalClient portal;
    /** Keys of this run's uploads: unique per run, the same for every retry of one upload. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<SimulatedAppliance, String> tokens = new LinkedHashMap<>();
    private final SimulationReport report;
    /** Batches sent so far, per appliance: "both" alternates each appliance's batches between the transports. */
    private final Map<SimulatedAppliance, Integer> batches = new HashMap<>();
    private SyslogSender tcp;
    private SyslogSender udp;

    public Simulation(SimulatorOptions options) {
        this.options = options;
        this.fleet = options.fleet();
        this.traffic = new TrafficGenerator(options.seed()).generate(fleet, options.spec());
        MitigatorTraffic mitigation = new MitigatorGenerator(options.seed()).generate(fleet, traffic.plan(),
                options.mitigatorSpec());
        this.plan = traffic.plan().withMitigation(mitigation.plan());
        this.portal = new PortalClient(options.url());
        this.report = new SimulationReport(plan);
        this.mitigators = new SimulatedMitigators(mitigation, portal, report);
    }

    public Plan plan() {
        return plan;
    }

    List<SimulatedAppliance> fleet() {
        return fleet;
    }

    public SimulationReport run() throws InterruptedException {
        long started = System.nanoTime();
        try {
            register();
            heartbeats();
            send();
            if (!options.mitigation().keepPolling().isZero()) {
                keepPolling(options.mitigation().keepPolling());
            }
        } finally {
            closeSyslog();
            report.took = Duration.ofNanos(System.nanoTime() - started);
        }
        return report;
    }

    private void register() throws InterruptedException {
        for (SimulatedAppliance appliance : fleet) {
            SimulatorOptions.Account account = options.accounts().stream()
                    .filter(a -> a.user().equals(appliance.account())).findFirst().orElseThrow();
            try {
                tokens.put(appliance, portal.register(account.user(), account.password(), appliance, VERSION).token());
                report.registered++;
            } catch (IOException e) {
                report.registrationFailures++;
                report.problem("Registering " + appliance.hostname() + " as " + account.user() + ": "
                        + (e.getMessage() != null ? e.getMessage() : e.toString()));
            }
        }
    }

    /** Most subscriptions run for most of a year; every seventh ends in 12 days, so the demo shows the warning. */
    private static LocalDate subscriptionEnd(SimulatedAppliance appliance) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(appliance.index() % 7 == 3 ? 12 : 300);
    }

    /** Most appliances report security compliance enabled; every fifth does not, as the demo should show both. */
    private void heartbeats() throws InterruptedException {
        for (Map.Entry<SimulatedAppliance, String> appliance : tokens.entrySet()) {
            try {
                int status = portal.heartbeat(appliance.getValue(), appliance.getKey().index() % 5 != 4, VERSION,
                        PATTERN_VERSION, subscriptionEnd(appliance.getKey()));
                if (status == 200) {
                    report.heartbeats++;
                } else {
                    report.heartbeatFailures++;
                    report.problem("Heartbeat of " + appliance.getKey().hostname() + " answered " + status);
                }
            } catch (IOException e) {
                report.heartbeatFailures++;
                report.problem("Heartbeat of " + appliance.getKey().hostname() + " failed: " + e);
            }
        }
    }

    /**
     * Goes on asking for cleanup patterns every {@code patternsEvery} (30 s when off) for {@code howLong}, then once
     * more, or until interrupted when null: the demo's mitigators deploy what an administrator releases while the
     * portal runs. The asking is scheduled; this thread only waits for the end.
     */
    public void keepPolling(Duration howLong) throws InterruptedException {
        Duration every = options.mitigation().patternsEvery() != null ? options.mitigation().patternsEvery()
                : Duration.ofSeconds(30);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "simulated-pattern-polling");
            thread.setDaemon(true);
            return thread;
        });
        try {
            poller.scheduleWithFixedDelay(this::pollPatterns, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
            poller.awaitTermination(howLong == null ? Long.MAX_VALUE : howLong.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            poller.shutdown();
            // a poll under way finishes before the last one starts: the mitigators' state is not shared
            poller.awaitTermination(1, TimeUnit.MINUTES);
        }
        mitigators.pollPatterns(tokens);
    }

    private void pollPatterns() {
        try {
            mitigators.pollPatterns(tokens);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send() throws InterruptedException {
        List<Traffic.Line> lines = traffic.lines();
        long started = System.nanoTime();
        long lastHeartbeat = started;
        long lastPatterns = started;
        int next = 0;
        // One tick of the timeline about a second of sending: one second, or as many as the time-lapse speeds up.
        long tick = Math.max(1, Math.round(options.speed()));
        while (next < lines.size()) {
            int end = next;
            Instant now = Instant.MAX;
            if (options.rate() == 0) {
                end = lines.size();
            } else {
                // One tick of the timeline at a time, sent when that tick comes.
                long second = Duration.between(options.start(), lines.get(next).time()).toSeconds() / tick * tick;
                Instant until = options.start().plusSeconds(second + tick);
                while (end < lines.size() && lines.get(end).time().isBefore(until)) {
                    end++;
                }
                waitFor(started, options.start().plusSeconds(second));
                now = options.start().plusSeconds(second);
            }
            sendTick(lines.subList(next, end));
            next = end;
            mitigators.sendDue(tokens, now);
            if (System.nanoTime() - lastHeartbeat >= options.heartbeatEvery().toNanos()) {
                heartbeats();
                lastHeartbeat = System.nanoTime();
            }
            if (options.mitigation().patternsEvery() != null
                    && System.nanoTime() - lastPatterns >= options.mitigation().patternsEvery().toNanos()) {
                mitigators.pollPatterns(tokens);
                lastPatterns = System.nanoTime();
            }
        }
        // What the mitigators have due after the last line: sent when due (never dated ahead of the portal's clock).
        Instant last = mitigators.lastDue();
        if (last != null) {
            if (options.rate() > 0) {
                waitFor(started, last);
            }
            mitigators.sendDue(tokens, Instant.MAX);
        }
        if (options.mitigation().patternsEvery() != null) {
            mitigators.pollPatterns(tokens);
        }
    }

    /**
     * Sleeps until the moment of the timeline {@code time} comes, the timeline's start being {@code started} and the
     * timeline running {@code speed} times as fast as the clock.
     */
    private void waitFor(long started, Instant time) throws InterruptedException {
        long wait = started + (long) (Duration.between(options.start(), time).toNanos() / options.speed())
                - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private void sendTick(List<Traffic.Line> tick) throws InterruptedException {
        Map<SimulatedAppliance, List<Traffic.Line>> byAppliance = new LinkedHashMap<>();
        for (Traffic.Line line : tick) {
            byAppliance.computeIfAbsent(line.appliance(), a -> new ArrayList<>()).add(line);
        }
        for (Map.Entry<SimulatedAppliance, List<Traffic.Line>> entry : byAppliance.entrySet()) {
            String token = tokens.get(entry.getKey());
            List<Traffic.Line> lines = entry.getValue();
            if (token == null) {
                report.unsent += lines.size();
                continue;
            }
            for (int from = 0; from < lines.size(); from += options.batchSize()) {
                List<Traffic.Line> chunk = lines.subList(from, Math.min(lines.size(), from + options.batchSize()));
                int batch = batches.merge(entry.getKey(), 1, Integer::sum);
                switch (transportOf(batch)) {
                    case HTTP -> upload(entry.getKey(), token, chunk, batch);
                    case SYSLOG_UDP -> syslog(SyslogSender.Protocol.UDP, chunk);
                    default -> syslog(SyslogSender.Protocol.TCP, chunk);
                }
            }
        }
    }

    private SimulatorOptions.Transport transportOf(int batch) {
        if (options.transport() != SimulatorOptions.Transport.BOTH) {
            return options.transport();
        }
        return batch % 2 == 1 ? SimulatorOptions.Transport.HTTP : SimulatorOptions.Transport.SYSLOG_TCP;
    }

    private void upload(SimulatedAppliance appliance, String token, List<Traffic.Line> chunk, int batch)
            throws InterruptedException {
        String key = "sim-" + run + "-" + appliance.index() + "-" + batch;
        PortalClient.UploadResult result = portal.upload(token, chunk.stream().map(Traffic.Line::text).toList(), key,
                options.gzip());
        report.uploads++;
        report.retries += result.retries();
        if (result.failed()) {
            report.failedUploads++;
            report.unsent += chunk.size();
            report.problem("Upload " + key + " of " + appliance.hostname() + ": " + result.failure());
            return;
        }
        report.httpLines += chunk.size();
        report.accepted += result.accepted();
        report.rejected += result.rejected();
        if (result.replayed()) {
            report.replayed++;
        }
    }

    private void syslog(SyslogSender.Protocol protocol, List<Traffic.Line> chunk) {
        try {
            SyslogSender sender = sender(protocol);
            for (Traffic.Line line : chunk) {
                sender.send(line);
            }
            sender.flush();
            report.syslogLines += chunk.size();
        } catch (IOException e) {
            // A broken connection loses what it buffered; the next batch connects again.
            report.unsent += chunk.size();
            report.problem("Syslog " + protocol + " to " + options.syslogHost() + ":" + options.syslogPort() + ": " + e);
            closeSyslog();
        }
    }

    private SyslogSender sender(SyslogSender.Protocol protocol) throws IOException {
        if (protocol == SyslogSender.Protocol.TCP) {
            if (tcp == null) {
                tcp = new SyslogSender(protocol, options.syslogFormat(), options.syslogHost(), options.syslogPort());
            }
            return tcp;
        }
        if (udp == null) {
            udp = new SyslogSender(protocol, options.syslogFormat(), options.syslogHost(), options.syslogPort());
        }
        return udp;
    }

    private void closeSyslog() {
        for (SyslogSender sender : new SyslogSender[] {tcp, udp}) {
            try {
                if (sender != null) {
                    sender.close();
                }
            } catch (IOException e) {
                report.problem("Closing syslog: " + e);
            }
        }
        tcp = null;
        udp = null;
    }
}
