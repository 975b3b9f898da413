package tmsp.mitigation;

/** The steps a case's history shows (and the system log records). */
public enum CaseStep {
    SAMPLE_RECEIVED, NOTIFIED, SAMPLE_DOWNLOADED, REVIEWED, DISMISSED, SENT_TO_VENDOR, SUBMISSION_FAILED,
    VENDOR_CASE_OPENED, PATTERN_UPLOADED, PATTERN_REISSUED, PATTERN_WITHDRAWN, PATTERN_RELEASED,
    PATTERN_FETCHED, DEPLOYMENT_SUCCEEDED, DEPLOYMENT_FAILED, CLOSED;

    /** The message key of its label ({@code mitigation.step.SAMPLE_RECEIVED}). */
    public String labelKey() {
        return "mitigation.step." + name();
    }
}
