package tmsp.simulator;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tmsp.account.DemoAccountsCreated;

/**
 * Zero set-up mode: once the portal is up, the demo accounts' appliances register through its real HTTP API and
 * send a first batch of detections (noise and every planted attack, spread over the last hours) and heartbeats,
 * and their mitigators report endpoint statuses and upload forensic samples, in the background. Only right after
 * the demo accounts were created, so a restart sends nothing again; a failure is logged, never fatal.
 */
@Component
@ConditionalOnProperty(name = "tmsp.demo-data", havingValue = "true")
public class DemoTraffic {

    static final long SEED = 2026;
    static final int LINES = 2000;
    static final Duration SPAN = Duration.ofHours(6);
    /**
     * The demo mitigators report their endpoints hourly, back-dated over the five days the nonconforming endpoints
     * page shows, upload two forensic samples each (so the Case List has cases), and go on asking for cleanup
     * patterns while the portal runs (so a pattern an administrator releases gets deployed and reported).
     */
    static final SimulatorOptions.Mitigation MITIGATION = new SimulatorOptions.Mitigation(Duration.ofHours(1), 25,
            Duration.ofDays(5), 2, Duration.ofSeconds(30), Duration.ZERO);

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);

    private final AtomicReference<DemoAccountsCreated> pending = new AtomicReference<>();
    private final CompletableFuture<SimulationReport> done = new CompletableFuture<>();
    private final String serverAddress;
    private volatile Thread worker;

    DemoTraffic(@Value("${server.address:127.0.0.1}") String serverAddress) {
        this.serverAddress = serverAddress.isBlank() || serverAddress.equals("0.0.0.0") ? "127.0.0.1" : serverAddress;
    }

    /** After the accounts' transaction committed, so that registration finds them. */
    @TransactionalEventListener(fallbackExecution = true)
    void accountsCreated(DemoAccountsCreated event) {
        pending.set(event);
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        DemoAccountsCreated accounts = pending.getAndSet(null);
        if (accounts == null) {
            done.complete(null);
            return;
        }
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            log.warn("Demo traffic not sent: the portal runs without a web server");
            done.complete(null);
            return;
        }
        URI url = URI.create("http://" + (serverAddress.contains(":") ? "[" + serverAddress + "]" : serverAddress)
                + ":" + web.getWebServer().getPort());
        Thread thread = new Thread(() -> send(options(url, accounts)), "tmsp-demo-traffic");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /** Completes when the demo traffic has been sent (with null when there was none to send); for tests. */
    public CompletableFuture<SimulationReport> done() {
        return done;
    }

    private void send(SimulatorOptions options) {
        Simulation simulation;
        try {
            simulation = new Simulation(options);
            log.info("Demo traffic: the demo appliances register and send detections through the API.\n{}",
                    simulation.plan().text());
            SimulationReport report = simulation.run();
            if (report.clean()) {
                log.info("Demo traffic sent. {}", report.text());
            } else {
                log.warn("Demo traffic sent with problems. {}", report.text());
            }
            done.complete(report);
        } catch (InterruptedException e) {
            done.completeExceptionally(e);
            return;
        } catch (RuntimeException | Error e) {
            log.warn("Demo traffic could not be sent; the portal runs on without it", e);
            done.completeExceptionally(e);
            return;
        }
        pollPatterns(simulation);
    }

    /** Until the portal stops: the demo mitigators deploy the cleanup patterns an administrator releases to them. */
    private static void pollPatterns(Simulation simulation) {
        try {
            simulation.keepPolling(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("The demo mitigators stopped asking for cleanup patterns", e);
        }
    }

    static SimulatorOptions options(URI url, DemoAccountsCreated created) {
        List<SimulatorOptions.Account> accounts = created.accounts().stream()
                .map(a -> new SimulatorOptions.Account(a.registrationUser(), a.registrationPassword(), 1,
                        a.mitigation() ? 1 : 0))
                .toList();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Sent at once (rate 0), dated over the last hours: the portal looks as if it had been listening all along.
        return new SimulatorOptions(url, accounts, SimulatorOptions.Transport.HTTP, "127.0.0.1", 1514,
                SimulatorOptions.SyslogFormat.RFC5424, 0, LINES, now.minus(SPAN), SPAN, SEED, EnumSet.allOf(Scenario.class), 1,
                250, false, Duration.ofMinutes(5), null, MITIGATION, 1);
    }

    @PreDestroy
    void stop() {
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
