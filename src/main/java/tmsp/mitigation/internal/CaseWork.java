package tmsp.mitigation.internal;

import static tmsp.mitigation.internal.MitigationProcess.ACCOUNT_ID;
import static tmsp.mitigation.internal.MitigationProcess.CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.VENDOR_CASE_BY;
import static tmsp.mitigation.internal.MitigationProcess.VENDOR_CASE_ID;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import tmsp.mitigation.CaseStatus;
import tmsp.mitigation.CaseStep;
import tmsp.mitigation.ThreatSampleReady;

/**
 * The steps of a case up to its vendor's case ID, each called by the mitigation process (or the vendor-case API),
 * each in one transaction with the case locked, each in the case's history. A step run again (jobs run at least
 * once) finds its work done and does nothing.
 */
@Service
class CaseWork {

    static final String SYSTEM = "system";
    /** The vendor's case ID: 1 to 100 letters, digits and {@code - _ . /}. */
    static final Pattern VENDOR_CASE_ID_FORMAT = Pattern.compile("[A-Za-z0-9._/-]{1,100}");

    private final MitigationCases cases;
    private final CaseQueries queries;
    private final CaseSteps steps;
    private final CaseJournal journal;
    private final RuntimeService runtime;
    private final ProcessWaits waits;
    private final ApplicationEventPublisher events;

    CaseWork(MitigationCases cases, CaseQueries queries, CaseSteps steps, CaseJournal journal, RuntimeService runtime, ProcessWaits waits,
             ApplicationEventPublisher events) {
        this.cases = cases;
        this.queries = queries;
        this.steps = steps;
        this.journal = journal;
        this.runtime = runtime;
        this.waits = waits;
        this.events = events;
    }

    /** Starts the case's process unless it has one (the listener may run again). */
    @Transactional
    void startProcess(long caseId) {
        MitigationCase mitigationCase = cases.lockById(caseId).orElse(null);
        if (mitigationCase == null || mitigationCase.processInstanceId() != null) {
            return; // gone with its account, or started before
        }
        String id = runtime.startProcessInstanceByKey(MitigationProcess.KEY, MitigationProcess.businessKey(caseId),
                Map.of(CASE_ID, caseId, ACCOUNT_ID, mitigationCase.accountId())).getId();
        mitigationCase.processStarted(id);
    }

    /** "Threat sample ready", once per case. */
    @Transactional
    void announce(long caseId) {
        MitigationCase mitigationCase = locked(caseId);
        if (steps.existsByCaseIdAndStep(caseId, CaseStep.NOTIFIED)) {
            return;
        }
        String endpoint = endpoint(mitigationCase);
        journal.record(mitigationCase, SYSTEM, CaseStep.NOTIFIED, "Threat sample ready: " + endpoint + " via "
                + mitigationCase.mitigationServer());
        events.publishEvent(new ThreatSampleReady(caseId, mitigationCase.accountId(),
                mitigationCase.mitigationServer(), endpoint));
    }

    @Transactional
    void dismiss(long caseId, String actor, String reason) {
        MitigationCase mitigationCase = locked(caseId);
        if (mitigationCase.status() == CaseStatus.DISMISSED) {
            return;
        }
        mitigationCase.dismissed(Instant.now());
        journal.record(mitigationCase, actor, CaseStep.DISMISSED, reason);
    }

    /** The vendor has the sample. Called once the route delivered it. */
    @Transactional
    void sentToVendor(long caseId, String actor, String details) {
        MitigationCase mitigationCase = locked(caseId);
        if (!notYetSent(mitigationCase)) {
            return;
        }
        mitigationCase.sentToVendor(Instant.now());
        journal.record(mitigationCase, actor, CaseStep.SENT_TO_VENDOR, details);
    }

    /**
     * Sending failed this time (the job is retried, then an incident): in the history, in a transaction of its own
     * since the job's rolls back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void submissionFailed(long caseId, String actor, String reason) {
        journal.record(locked(caseId), actor, CaseStep.SUBMISSION_FAILED, reason);
    }

    static boolean notYetSent(MitigationCase mitigationCase) {
        return EnumSet.of(CaseStatus.SAMPLE_RECEIVED, CaseStatus.SAMPLE_DOWNLOADED).contains(mitigationCase.status());
    }

    /**
     * The vendor's case ID, entered in the task "Enter the vendor's case ID" (in the transaction that completes it).
     */
    @Transactional
    void recordVendorCase(long caseId, String vendorCaseId, String actor) {
        MitigationCase mitigationCase = locked(caseId);
        if (vendorCaseId.equals(mitigationCase.vendorCaseId()) && mitigationCase.status() != CaseStatus.SENT_TO_VENDOR) {
            return;
        }
        open(mitigationCase, vendorCaseId, actor, "entered in the task list");
    }

    /**
     * The vendor's case ID from the API: recorded, then the process's message correlated, both or neither.
     * @throws CaseNotFound          404
     * @throws CaseStatusConflict    409 when the case's process does not wait for it
     * @throws ErrorResponseException 400 for a malformed ID, 409 for one another case has
     */
    @Transactional
    CaseStatus openVendorCase(long caseId, String vendorCaseId, String actor) {
        if (vendorCaseId == null || !VENDOR_CASE_ID_FORMAT.matcher(vendorCaseId).matches()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "vendorCaseId: 1 to 100 letters, digits and - _ . /"), null);
        }
        MitigationCase mitigationCase = cases.lockById(caseId).orElseThrow(() -> new CaseNotFound(caseId));
        if (!waits.waitsFor(caseId, MitigationProcess.VENDOR_CASE_MESSAGE)) {
            throw new CaseStatusConflict(caseId, mitigationCase.status());
        }
        open(mitigationCase, vendorCaseId, actor, "given through the API");
        waits.correlate(caseId, MitigationProcess.VENDOR_CASE_MESSAGE,
                Map.of(VENDOR_CASE_ID, vendorCaseId, VENDOR_CASE_BY, actor));
        return mitigationCase.status();
    }

    /** Whether another case than this one has that vendor case ID (it is unique). */
    @Transactional(readOnly = true)
    boolean vendorCaseIdTaken(long caseId, String vendorCaseId) {
        return queries.existsByVendorCaseIdAndIdNot(vendorCaseId, caseId);
    }

    private void open(MitigationCase mitigationCase, String vendorCaseId, String actor, String how) {
        if (vendorCaseIdTaken(mitigationCase.id(), vendorCaseId)) {
            throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "Another case has the vendor case ID " + vendorCaseId), null);
        }
        mitigationCase.vendorCaseOpened(vendorCaseId, Instant.now());
        journal.record(mitigationCase, actor, CaseStep.VENDOR_CASE_OPENED, vendorCaseId + " (" + how + ")");
    }

    private MitigationCase locked(long caseId) {
        return cases.lockById(caseId).orElseThrow(() -> new CaseNotFound(caseId));
    }

    /** The endpoint as the Case List shows it: host name (address), or whichever of them is known. */
    static String endpoint(MitigationCase mitigationCase) {
        String host = mitigationCase.endpointHost();
        String ip = mitigationCase.endpointIp();
        if (host != null && ip != null) {
            return host + " (" + ip + ")";
        }
        return host != null ? host : ip != null ? ip : "?";
    }
}
