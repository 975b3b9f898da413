package tmsp.correlation.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly trigger: at {@code tmsp.correlation.cron} in {@code tmsp.correlation.zone} (Spring's scheduler
 * honours the zone; Camunda's cron timers only know the JVM's), the day before is correlated for every account.
 * Every node fires; the first to claim the night starts the process, whose jobs the cluster then shares.
 */
@Component
class NightlyCorrelation {

    private static final Logger log = LoggerFactory.getLogger(NightlyCorrelation.class);

    private final CorrelationRequests requests;
    private final CorrelationSettings settings;

    NightlyCorrelation(CorrelationRequests requests, CorrelationSettings settings) {
        this.requests = requests;
        this.settings = settings;
    }

    @Scheduled(cron = "${tmsp.correlation.cron}", zone = "${tmsp.correlation.zone}")
    void due() {
        start(settings.yesterday(Instant.now()));
    }

    /** @return whether this call started the night's process (false: another node or call had claimed it) */
    boolean start(LocalDate night) {
        try {
            requests.startNight(night);
            log.info("Nightly correlation of {} started", night);
            return true;
        } catch (DuplicateKeyException e) {
            log.info("Nightly correlation of {} was started already (another node)", night);
            return false;
        }
    }
}
