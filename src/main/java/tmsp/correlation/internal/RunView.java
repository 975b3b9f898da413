package tmsp.correlation.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A correlation run as the API shows it. */
record RunView(long runId, long accountId, LocalDate day, RunStatus status, RunTrigger trigger,
               String ruleSetVersion, Long detectionsRead, Integer incidentsFound, Integer incidentsRaised,
               Integer incidentsUpdated, String requestedBy, Instant createdAt, Instant startedAt,
               Instant finishedAt, String error) {

    static RunView of(CorrelationRun run) {
        return new RunView(run.getId(), run.getAccountId(), run.getDay(), run.getStatus(), run.getTrigger(),
                run.getRuleSetVersion(), run.getDetectionsRead(), run.getIncidentsFound(), run.getIncidentsRaised(),
                run.getIncidentsUpdated(), run.getRequestedBy(), run.getCreatedAt(), run.getStartedAt(),
                run.getFinishedAt(), run.getError());
    }
}
