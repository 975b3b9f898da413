package tmsp.incident;

import java.time.Instant;
import java.util.List;

/** What correlation may know of earlier incidents (e.g. a repeat offender: incidents on several days running). */
public interface IncidentHistory {

    /** Every host named by an incident of the account that was seen in {@code [from, to)}, with when. */
    List<HostIncident> hostIncidents(long accountId, Instant from, Instant to);

    record HostIncident(String host, String ruleId, Instant firstSeen, Instant lastSeen) {
    }
}
