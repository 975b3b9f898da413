package tmsp.incident;

/**
 * Why an incident is suppressed: the rule exception that matched its finding, by id, and a short description
 * (kind, pattern, until, rule set version, comment) that stays readable after the version is superseded.
 */
public record IncidentSuppression(long exceptionId, String reason) {

    public IncidentSuppression {
        reason = reason == null ? "" : reason.length() <= 300 ? reason : reason.substring(0, 299) + "…";
    }
}
