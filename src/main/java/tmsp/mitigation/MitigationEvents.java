package tmsp.mitigation;

/** What happens to forensic cases and cleanup patterns: for the process, notifications and the system log. */
public final class MitigationEvents {

    private MitigationEvents() {
    }

    /**
     * A mitigator uploaded a forensic sample and a case was opened: the mitigation process starts and the account's
     * recipients get "threat sample ready".
     */
    public record ThreatSampleReceived(long caseId, long accountId, String mitigationServer, String endpoint,
                                       long size, String sha256) {
    }

    /**
     * A step of a case: {@code actor} is a user name, a mitigator's host name or {@code system}; {@code step} one
     * of {@link CaseStep}. Recorded on the case and in the system log, in the transaction of the change.
     */
    public record CaseStepTaken(String actor, long accountId, long caseId, CaseStep step, String details) {
    }

    /** A mitigator reported deploying a pattern revision; {@code success} false with the mitigator's reason. */
    public record PatternDeploymentReported(long patternId, long caseId, long productId, int revision,
                                            boolean success, String detail) {
    }
}
