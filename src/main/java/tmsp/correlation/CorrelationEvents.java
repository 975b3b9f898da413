package tmsp.correlation;

import java.time.LocalDate;

/** What correlation tells other modules; listeners run after the commit, through the event publication registry. */
public final class CorrelationEvents {

    private CorrelationEvents() {
    }

    /**
     * One account's run for one day finished and its incidents are recorded: reports of that day may be made.
     *
     * @param nightly true for the scheduled nightly run, false for a run someone asked for
     */
    public record CorrelationFinished(long runId, long accountId, LocalDate day, boolean nightly,
                                      long detectionsRead, int incidentsRaised, int incidentsUpdated) {
    }
}
