package tmsp.mitigation;

/**
 * Where a forensic case stands (the Case List's Status). A case opens when a mitigator uploads a sample and
 * closes when every mitigator its cleanup pattern was deployed to reported success.
 */
public enum CaseStatus {
    /** A mitigator uploaded the sample: "Threat Sample Received". */
    SAMPLE_RECEIVED,
    /** An administrator downloaded the sample: "Threat Sample Downloaded". */
    SAMPLE_DOWNLOADED,
    /** The sample went to the vendor; waiting for the vendor's case ID. */
    SENT_TO_VENDOR,
    /** The vendor opened its case; waiting for its custom cleanup pattern. */
    AWAITING_PATTERN,
    /** The vendor's pattern is uploaded; an administrator deploys it. */
    PATTERN_RECEIVED,
    /** The pattern is released to the targeted mitigators; waiting for their results. */
    PATTERN_DEPLOYING,
    /** A mitigator reported that deploying the pattern failed (re-issue the pattern). */
    DEPLOYMENT_FAILED,
    /** Every targeted mitigator reported success. */
    CLOSED,
    /** An administrator decided not to send the sample to the vendor. */
    DISMISSED;

    public boolean open() {
        return this != CLOSED && this != DISMISSED;
    }

    /** The message key of its label ({@code mitigation.caseStatus.SAMPLE_RECEIVED}). */
    public String labelKey() {
        return "mitigation.caseStatus." + name();
    }
}
