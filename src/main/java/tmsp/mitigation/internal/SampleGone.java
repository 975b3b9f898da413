package tmsp.mitigation.internal;

/** The case exists but its sample file is no longer in the store: answered 410 with a page that says so. */
class SampleGone extends RuntimeException {

    private final long caseId;

    SampleGone(long caseId) {
        super("The sample of case " + caseId + " is no longer in the store");
        this.caseId = caseId;
    }

    long caseId() {
        return caseId;
    }
}
