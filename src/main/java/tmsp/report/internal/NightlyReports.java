package tmsp.report.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tmsp.correlation.CorrelationEvents.CorrelationFinished;

/**
 * After an account's nightly correlation, its reports are due. Through the event publication registry: a crash
 * before the process starts leaves the publication incomplete, and it is delivered again at the next start.
 */
@Component
class NightlyReports {

    private static final Logger log = LoggerFactory.getLogger(NightlyReports.class);

    private final ReportProcessStarter starter;

    NightlyReports(ReportProcessStarter starter) {
        this.starter = starter;
    }

    @ApplicationModuleListener
    void on(CorrelationFinished finished) {
        if (!finished.nightly()) {
            return; // a run someone asked for during the day makes no reports
        }
        if (!starter.start(finished.accountId(), finished.day())) {
            log.info("Reports of account {} for {} were already started", finished.accountId(), finished.day());
        }
    }
}
