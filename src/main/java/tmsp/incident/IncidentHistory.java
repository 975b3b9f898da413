package tmsp.incident;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** What correlation may know of earlier incidents (e.g. a repeat offender: incidents on several days running). */
public interface IncidentHistory {

    /**
     * Every host named by an incident of the account that was seen in {@code [from, to)}, with when. Suppressed
     * incidents are included, as the same day's run sees them too: an exception hides an incident, not its host's
     * history.
     */
    List<HostIncident> hostIncidents(long accountId, Instant from, Instant to);

    /**
     * The incidents of one rule, of every account, last seen in {@code [from, to)}, streamed newest last seen first
     * (never held as a list): what a rule exception's preview matches against.
     */
    void incidentsOfRule(String ruleId, Instant from, Instant to, Consumer<RuleIncident> each);

    record HostIncident(String host, String ruleId, Instant firstSeen, Instant lastSeen) {
    }

    /** An incident as an exception sees it; {@code suppressed} when an exception suppresses it already. */
    record RuleIncident(long id, long accountId, String ruleId, String title, List<String> hosts,
                        List<String> addresses, List<String> threatNames, Instant firstSeen, Instant lastSeen,
                        boolean suppressed) {
    }
}
