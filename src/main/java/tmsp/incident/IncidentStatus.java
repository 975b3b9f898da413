package tmsp.incident;

/** Where an incident stands: new, being looked at, or closed. */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
