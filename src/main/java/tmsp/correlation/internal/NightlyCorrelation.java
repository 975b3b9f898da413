package tmsp.correlation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
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

    /** A portal that was down at the nightly time correlates the nights it missed when it comes back. */
    @EventListener(ApplicationReadyEvent.class)
    void catchUpAfterStart() {
        List<LocalDate> started = catchUp(Instant.now(), settings.catchUpNights());
        if (!started.isEmpty()) {
            log.info("Caught up on the nightly correlation of {} (missed while no node ran)", started);
        }
    }

    /**
     * Starts the nights whose nightly time has passed by {@code now} but that no node claimed, among the last
     * {@code nights} such nights and only after the latest night ever claimed: a new installation catches up on
     * nothing, and a night another node ran is not run again.
     *
     * @return the nights this call started
     */
    List<LocalDate> catchUp(Instant now, int nights) {
        if (nights <= 0 || Scheduled.CRON_DISABLED.equals(settings.cron())) {
            return List.of();
        }
        Optional<LocalDate> lastClaimed = requests.lastClaimedNight();
        Optional<LocalDate> lastDue = lastDueNight(now);
        if (lastClaimed.isEmpty() || lastDue.isEmpty()) {
            return List.of();
        }
        LocalDate from = lastClaimed.get().plusDays(1);
        LocalDate earliest = lastDue.get().minusDays(nights - 1L);
        List<LocalDate> started = new ArrayList<>();
        for (LocalDate night = from.isBefore(earliest) ? earliest : from; !night.isAfter(lastDue.get());
             night = night.plusDays(1)) {
            if (start(night)) {
                started.add(night);
            }
        }
        return started;
    }

    /** The night the latest firing of the cron at or before {@code now} correlated: the day before that firing. */
    private Optional<LocalDate> lastDueNight(Instant now) {
        CronExpression cron = CronExpression.parse(settings.cron());
        ZonedDateTime at = now.atZone(settings.zone());
        ZonedDateTime fired = null;
        for (ZonedDateTime next = cron.next(at.minusDays(2)); next != null && !next.isAfter(at); next = cron.next(next)) {
            fired = next;
        }
        return Optional.ofNullable(fired).map(f -> f.toLocalDate().minusDays(1));
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
