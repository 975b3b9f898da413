package tmsp.incident;

/** What happens to incidents, published for the system log and for other modules. */
public final class IncidentEvents {

    private IncidentEvents() {
    }

    /** Someone moved an incident from one status to another (acknowledged, resolved or reopened it). */
    public record IncidentStatusChanged(String actor, long incidentId, long accountId, String key, String title,
                                        IncidentStatus from, IncidentStatus to) {
    }
}
