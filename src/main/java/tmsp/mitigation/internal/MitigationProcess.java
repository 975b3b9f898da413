package tmsp.mitigation.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The names of {@code processes/threat-mitigation.bpmn}, shared by the starter, the delegates, the task forms, the
 * services that correlate its messages and the process tests. Variables are primitives; the business key is the
 * case id.
 */
final class MitigationProcess {

    static final String KEY = "threat-mitigation";

    static final String ANNOUNCE_TASK = "announce";
    static final String REVIEW_TASK = "review";
    static final String REVIEW_FORM = "threat-mitigation:review";
    static final String DISMISS_TASK = "dismiss";
    static final String DISMISSED_END = "dismissed";
    static final String SUBMIT_TASK = "submit";
    static final String VENDOR_CASE_TASK = "vendor-case";
    static final String VENDOR_CASE_FORM = "threat-mitigation:vendor-case";
    static final String VENDOR_CASE_BOUNDARY = "vendor-case-by-api";
    static final String RECORD_VENDOR_CASE_TASK = "record-vendor-case";
    static final String AWAIT_PATTERN = "await-pattern";
    static final String DEPLOYMENT = "deployment";
    static final String DEPLOY_TASK = "deploy";
    static final String DEPLOY_FORM = "threat-mitigation:deploy";
    static final String RELEASE_TASK = "release";
    static final String AWAIT_DEPLOYMENT = "await-deployment";
    static final String REISSUED_BOUNDARY = "pattern-reissued";
    static final String WITHDRAWN_BOUNDARY = "pattern-withdrawn";
    static final String CLOSE_TASK = "close";
    static final String CLOSED_END = "closed";

    /** The API (or a script) gave the vendor's case ID: interrupts the task that asks an administrator for it. */
    static final String VENDOR_CASE_MESSAGE = "mitigation-vendor-case-opened";
    /** An administrator uploaded the vendor's pattern on the Patterns page. */
    static final String PATTERN_UPLOADED_MESSAGE = "mitigation-pattern-uploaded";
    /** The pattern was re-issued (a corrupted file replaced): released again to the same targets, or deployed anew. */
    static final String PATTERN_REISSUED_MESSAGE = "mitigation-pattern-reissued";
    /** The pattern was withdrawn: back to waiting for a pattern. */
    static final String PATTERN_WITHDRAWN_MESSAGE = "mitigation-pattern-withdrawn";
    /** Every targeted mitigator reported success for the pattern's current revision. */
    static final String PATTERN_DEPLOYED_MESSAGE = "mitigation-pattern-deployed";

    /** The case (long). */
    static final String CASE_ID = "caseId";
    /** The case's account (long). */
    static final String ACCOUNT_ID = "accountId";
    /** Set by the review task: {@link #SEND} or {@link #DISMISS}. */
    static final String DECISION = "decision";
    static final String SEND = "send";
    static final String DISMISS = "dismiss";
    /** Set by the review task: the administrator who decided. */
    static final String REVIEWED_BY = "reviewedBy";
    /** Set by the review task when dismissed: why (else an empty string). */
    static final String DISMISS_REASON = "dismissReason";
    /** Set by the vendor-case task: the vendor's case ID, and who entered it. */
    static final String VENDOR_CASE_ID = "vendorCaseId";
    static final String VENDOR_CASE_BY = "vendorCaseBy";
    /** Set by the upload's message: the pattern (long). */
    static final String PATTERN_ID = "patternId";
    /**
     * Set by the deploy task: the targeted mitigators' product ids, comma-separated; empty until chosen (a new
     * pattern resets it, so they are chosen again; a re-issued one keeps it and is released again at once).
     */
    static final String TARGETS = "targets";
    /** Set by the deploy task: the administrator who released the pattern. */
    static final String DEPLOYED_BY = "deployedBy";

    private MitigationProcess() {
    }

    static String businessKey(long caseId) {
        return String.valueOf(caseId);
    }

    /** A numeric variable (Camunda may hand back an Integer for a long set from JSON or a form). */
    static long number(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }

    static long number(Map<String, Object> variables, String name) {
        return ((Number) variables.get(name)).longValue();
    }

    static String text(VariableScope scope, String name) {
        return (String) scope.getVariable(name);
    }

    /** The deploy task's product ids, written {@code 12,15}. */
    static List<Long> targets(String written) {
        return written == null || written.isBlank() ? List.of()
                : Arrays.stream(written.split(",")).map(String::strip).map(Long::valueOf).toList();
    }

    static String targets(Collection<Long> productIds) {
        return productIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
