package tmsp.correlation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** A run as the pages list it, with its account's name and how long its last try took. */
record RunRow(long id, long accountId, String accountName, LocalDate day, RunTrigger trigger, RunStatus status,
              String ruleSetVersion, Long detectionsRead, Integer incidentsFound, Integer incidentsRaised,
              Integer incidentsUpdated, Instant createdAt, Duration duration, String requestedBy, String error) {

    static RunRow of(CorrelationRun run) {
        return of(run, null);
    }

    static RunRow of(CorrelationRun run, String accountName) {
        return new RunRow(run.getId(), run.getAccountId(), accountName, run.getDay(), run.getTrigger(),
                run.getStatus(), run.getRuleSetVersion(), run.getDetectionsRead(), run.getIncidentsFound(),
                run.getIncidentsRaised(), run.getIncidentsUpdated(), run.getCreatedAt(), run.duration(),
                run.getRequestedBy(), run.getError());
    }

    /** e.g. "1.234 s", or "" while it runs. */
    public String durationText() {
        return duration == null ? "" : String.format(java.util.Locale.ROOT, "%.3f s", duration.toMillis() / 1000.0);
    }
}
