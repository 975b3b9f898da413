package tmsp.report.internal;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reports someone asked for on the reports page, made in the background (a PDF of a long range takes a while)
 * on a few threads of their own; the page polls {@link #progress} until the report is stored. Requests are kept
 * in this node's memory only: a restart forgets a request, never a stored report.
 */
@Component
class OnDemandReports {

    private static final Logger log = LoggerFactory.getLogger(OnDemandReports.class);
    private static final int REMEMBERED = 500;

    enum Stage { QUEUED, GATHERING, RENDERING, DONE, FAILED }

    record Progress(String id, long accountId, ReportPeriod period, Stage stage, Long reportId, String error) {

        Progress at(Stage next) {
            return new Progress(id, accountId, period, next, reportId, error);
        }

        public boolean finished() {
            return stage == Stage.DONE || stage == Stage.FAILED;
        }
    }

    private final ReportGeneration generation;
    private final ExecutorService workers;
    private final Map<String, Progress> requests = new ConcurrentHashMap<>();

    OnDemandReports(ReportGeneration generation, ReportSettings settings) {
        this.generation = generation;
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.onDemandThreads()), r -> {
            Thread t = new Thread(r, "on-demand-report");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the report; @return the request's id for {@link #progress}. */
    String request(long accountId, ReportPeriod period) {
        forgetOldest();
        String id = UUID.randomUUID().toString();
        requests.put(id, new Progress(id, accountId, period, Stage.QUEUED, null, null));
        workers.submit(() -> make(id));
        return id;
    }

    /** The request, if it is this account's. */
    Optional<Progress> progress(long accountId, String id) {
        return Optional.ofNullable(id == null ? null : requests.get(id)).filter(p -> p.accountId() == accountId);
    }

    private void make(String id) {
        Progress request = requests.get(id);
        try {
            long reportId = generation.generate(request.accountId(), request.period(),
                    stage -> requests.computeIfPresent(id, (k, p) -> p.at(stage)));
            requests.computeIfPresent(id, (k, p) -> new Progress(id, p.accountId(), p.period(), Stage.DONE, reportId, null));
        } catch (RuntimeException e) {
            log.warn("On-demand report {} of account {} failed", request.period(), request.accountId(), e);
            requests.computeIfPresent(id, (k, p) -> new Progress(id, p.accountId(), p.period(), Stage.FAILED, null,
                    String.valueOf(e.getMessage())));
        }
    }

    private void forgetOldest() {
        if (requests.size() >= REMEMBERED) {
            requests.values().stream().filter(Progress::finished).findAny().ifPresent(p -> requests.remove(p.id()));
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
