package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static tmsp.mitigation.internal.MitigationProcess.ACCOUNT_ID;
import static tmsp.mitigation.internal.MitigationProcess.ANNOUNCE_TASK;
import static tmsp.mitigation.internal.MitigationProcess.AWAIT_DEPLOYMENT;
import static tmsp.mitigation.internal.MitigationProcess.AWAIT_PATTERN;
import static tmsp.mitigation.internal.MitigationProcess.CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.CLOSED_END;
import static tmsp.mitigation.internal.MitigationProcess.CLOSE_TASK;
import static tmsp.mitigation.internal.MitigationProcess.DEPLOY_FORM;
import static tmsp.mitigation.internal.MitigationProcess.DEPLOY_TASK;
import static tmsp.mitigation.internal.MitigationProcess.DISMISSED_END;
import static tmsp.mitigation.internal.MitigationProcess.DISMISS_TASK;
import static tmsp.mitigation.internal.MitigationProcess.KEY;
import static tmsp.mitigation.internal.MitigationProcess.PATTERN_DEPLOYED_MESSAGE;
import static tmsp.mitigation.internal.MitigationProcess.PATTERN_ID;
import static tmsp.mitigation.internal.MitigationProcess.PATTERN_REISSUED_MESSAGE;
import static tmsp.mitigation.internal.MitigationProcess.PATTERN_UPLOADED_MESSAGE;
import static tmsp.mitigation.internal.MitigationProcess.PATTERN_WITHDRAWN_MESSAGE;
import static tmsp.mitigation.internal.MitigationProcess.RECORD_VENDOR_CASE_TASK;
import static tmsp.mitigation.internal.MitigationProcess.REISSUED_BOUNDARY;
import static tmsp.mitigation.internal.MitigationProcess.RELEASE_TASK;
import static tmsp.mitigation.internal.MitigationProcess.REVIEW_FORM;
import static tmsp.mitigation.internal.MitigationProcess.REVIEW_TASK;
import static tmsp.mitigation.internal.MitigationProcess.SUBMIT_TASK;
import static tmsp.mitigation.internal.MitigationProcess.TARGETS;
import static tmsp.mitigation.internal.MitigationProcess.VENDOR_CASE_BOUNDARY;
import static tmsp.mitigation.internal.MitigationProcess.VENDOR_CASE_BY;
import static tmsp.mitigation.internal.MitigationProcess.VENDOR_CASE_FORM;
import static tmsp.mitigation.internal.MitigationProcess.VENDOR_CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.VENDOR_CASE_MESSAGE;
import static tmsp.mitigation.internal.MitigationProcess.VENDOR_CASE_TASK;
import static tmsp.mitigation.internal.MitigationProcess.WITHDRAWN_BOUNDARY;
import static tmsp.mitigation.internal.MitigationProcess.businessKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tmsp.appliance.AccountMitigators.Mitigator;
import tmsp.mitigation.CaseStatus;
import tmsp.workflow.OpenTask;
import tmsp.workflow.TaskCompletion;
import tmsp.workflow.TaskForm;

/**
 * threat-mitigation.bpmn alone, on an in-memory engine without Spring: the real delegates and task forms over
 * stand-ins for the services (ThreatMitigationIT runs the whole way on PostgreSQL). Every path: dismissed; sent with
 * the vendor's case ID from the task or from the API's message; a pattern deployed and the case closed; a failed
 * deployment re-issued; a pattern withdrawn and another one uploaded; a submission that keeps failing.
 */
@Deployment(resources = "processes/threat-mitigation.bpmn")
class ThreatMitigationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    static final long CASE = 7L;
    static final long ACCOUNT = 3L;
    static final long PATTERN = 11L;

    ProcessEngine processEngine;
    CaseWork cases = mock(CaseWork.class);
    VendorSubmission vendor = mock(VendorSubmission.class);
    PatternWork patterns = mock(PatternWork.class);
    TaskViews views = mock(TaskViews.class);
    Map<String, TaskForm> forms = Map.of(REVIEW_FORM, new ReviewSampleForm(views),
            VENDOR_CASE_FORM, new VendorCaseForm(views, cases), DEPLOY_FORM, new DeployPatternForm(views));

    @BeforeEach
    void delegates() {
        processEngine = engine.getProcessEngine();
        init(processEngine);
        Mocks.register("announceThreatSampleTask", new AnnounceSampleTask(cases));
        Mocks.register("dismissMitigationCaseTask", new DismissCaseTask(cases));
        Mocks.register("submitThreatSampleTask", new SubmitSampleTask(vendor));
        Mocks.register("recordVendorCaseTask", new RecordVendorCaseTask(cases));
        Mocks.register("releaseCleanupPatternTask", new ReleasePatternTask(patterns));
        Mocks.register("closeMitigationCaseTask", new CloseCaseTask(patterns));
        Mocks.register("mitigationRetries", Map.of("cycle", "R3/PT5M"));
        when(views.mitigatorsOf(ACCOUNT)).thenReturn(List.of(new Mitigator(21, "tms-01"), new Mitigator(22, "tms-02")));
        when(views.caseFacts(CASE)).thenReturn(new TaskViews.CaseFacts(CASE, ACCOUNT, "Acme", CaseStatus.SAMPLE_RECEIVED,
                "tms-01", "pc-7 (10.0.0.7)", "forensic.zip", 120, "ab", Instant.now(), null));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aDismissedCaseEndsWithTheReviewersReasonAndIsNeverSent() {
        ProcessInstance process = start();
        assertThat(process).isWaitingAt(ANNOUNCE_TASK);
        execute(job(process));
        verify(cases).announce(CASE);
        assertThat(process).isWaitingAt(REVIEW_TASK);
        assertThat(task(process)).hasName("Review case 7 and send it to the vendor").hasCandidateGroup("ADMIN")
                .hasFormKey(REVIEW_FORM);

        assertThat(form(process).complete(open(process), Map.of("decision", "dismiss"), "admin"))
                .isEqualTo(new TaskCompletion.Invalid(Map.of("reason", "mitigation.task.reason.required")));
        assertThat(form(process).complete(open(process), Map.of("reason", "?"), "admin"))
                .isEqualTo(new TaskCompletion.Invalid(Map.of("decision", "mitigation.task.decision.required")));
        complete(process, "admin", Map.of("decision", "dismiss", "reason", "a false alarm"));

        assertThat(process).isWaitingAt(DISMISS_TASK);
        execute(job(process));
        verify(cases).dismiss(CASE, "admin", "a false alarm");
        assertThat(process).hasPassed(DISMISS_TASK, DISMISSED_END).hasNotPassed(SUBMIT_TASK).isEnded();
        verify(vendor, never()).submit(anyLong(), anyString());
    }

    @Test
    void aSentSampleWaitsForTheVendorsCaseIdThatAnAdministratorEnters() {
        ProcessInstance process = sentToVendor();
        assertThat(task(process)).hasName("Enter the vendor's case ID of case 7").hasCandidateGroup("ADMIN")
                .hasFormKey(VENDOR_CASE_FORM);

        assertThat(form(process).complete(open(process), Map.of("vendorCaseId", "bad id!"), "admin"))
                .isEqualTo(new TaskCompletion.Invalid(Map.of("vendorCaseId", "mitigation.task.vendorCaseId.format")));
        assertThat(form(process).complete(open(process), Map.of("vendorCaseId", "x".repeat(101)), "admin"))
                .isEqualTo(new TaskCompletion.Invalid(Map.of("vendorCaseId", "mitigation.task.vendorCaseId.format")));
        when(cases.vendorCaseIdTaken(CASE, "TM-0001")).thenReturn(true);
        assertThat(form(process).complete(open(process), Map.of("vendorCaseId", "TM-0001"), "admin"))
                .isEqualTo(new TaskCompletion.Invalid(Map.of("vendorCaseId", "mitigation.task.vendorCaseId.taken")));
        complete(process, "ann", Map.of("vendorCaseId", "TM-2026/11_7.a"));

        verify(cases).recordVendorCase(CASE, "TM-2026/11_7.a", "ann");
        assertThat(process).hasPassed(RECORD_VENDOR_CASE_TASK).hasNotPassed(VENDOR_CASE_BOUNDARY)
                .isWaitingAt(AWAIT_PATTERN);
    }

    @Test
    void theVendorsCaseIdFromTheApiEndsTheTaskThroughItsMessage() {
        ProcessInstance process = sentToVendor();

        processEngine.getRuntimeService().createMessageCorrelation(VENDOR_CASE_MESSAGE)
                .processInstanceBusinessKey(businessKey(CASE)).setVariable(VENDOR_CASE_ID, "V-1")
                .setVariable(VENDOR_CASE_BY, "script").correlate();

        assertThat(process).hasPassed(VENDOR_CASE_BOUNDARY).hasNotPassed(RECORD_VENDOR_CASE_TASK)
                .isWaitingAt(AWAIT_PATTERN);
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId()).count()).isZero();
        verify(cases, never()).recordVendorCase(anyLong(), anyString(), anyString());
    }

    @Test
    void aPatternDeployedToTheChosenMitigatorsClosesTheCaseWhenAllSucceeded() {
        ProcessInstance process = awaitingPattern();
        patternUploaded(process);
        assertThat(process).isWaitingAt(DEPLOY_TASK);
        assertThat(task(process)).hasName("Deploy the pattern of case 7").hasCandidateGroup("ADMIN").hasFormKey(DEPLOY_FORM);

        assertThat(form(process).complete(open(process), Map.of(), "admin"))
                .isEqualTo(new TaskCompletion.Invalid(Map.of("targets", "mitigation.task.targets.required")));
        assertThat(form(process).complete(open(process), Map.of("target-99", "on"), "admin"))
                .as("a product that is not one of the account's mitigators").isInstanceOf(TaskCompletion.Invalid.class);
        complete(process, "admin", Map.of("target-22", "on", "target-21", "on"));

        assertThat(process).isWaitingAt(RELEASE_TASK);
        execute(job(process));
        verify(patterns).release(CASE, PATTERN, List.of(21L, 22L), "admin");
        assertThat(process).isWaitingAt(AWAIT_DEPLOYMENT);

        deployed(process);
        assertThat(process).isWaitingAt(CLOSE_TASK);
        execute(job(process));
        verify(patterns).close(CASE, PATTERN);
        assertThat(process).hasPassed(CLOSE_TASK, CLOSED_END).isEnded();
    }

    @Test
    void aReissuedPatternGoesToTheSameMitigatorsAgainAndThenClosesTheCase() {
        ProcessInstance process = released(Map.of("target-21", "on"));

        // a mitigator reported a failure (the case is DEPLOYMENT_FAILED, the process keeps waiting): re-issued
        reissued(process);
        assertThat(process).isWaitingAt(RELEASE_TASK);
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId()).count())
                .as("no second deploy task: the same mitigators").isZero();
        execute(job(process));
        verify(patterns, times(2)).release(CASE, PATTERN, List.of(21L), "admin");

        deployed(process);
        execute(job(process));
        assertThat(process).hasPassed(REISSUED_BOUNDARY, CLOSE_TASK, CLOSED_END).isEnded();
    }

    @Test
    void aPatternReissuedBeforeItWasReleasedIsDeployedByTheTaskAgain() {
        ProcessInstance process = awaitingPattern();
        patternUploaded(process);

        reissued(process);

        assertThat(process).isWaitingAt(DEPLOY_TASK);
        verify(patterns, never()).release(anyLong(), anyLong(), anyList(), anyString());
    }

    @Test
    void aWithdrawnPatternWaitsForAnotherWhichIsDeployedAnew() {
        ProcessInstance process = released(Map.of("target-21", "on", "target-22", "on"));

        processEngine.getRuntimeService().createMessageCorrelation(PATTERN_WITHDRAWN_MESSAGE)
                .processInstanceBusinessKey(businessKey(CASE)).correlate();
        assertThat(process).hasPassed(WITHDRAWN_BOUNDARY).isWaitingAt(AWAIT_PATTERN);

        patternUploaded(process);
        assertThat(process).as("a new pattern: its mitigators are chosen again").isWaitingAt(DEPLOY_TASK);
        complete(process, "bob", Map.of("target-22", "on"));
        execute(job(process));
        verify(patterns).release(CASE, PATTERN, List.of(22L), "bob");
        deployed(process);
        execute(job(process));
        assertThat(process).isEnded();
    }

    @Test
    void theWithdrawalAlsoReachesAReleaseThatHasNotRunYet() {
        ProcessInstance process = awaitingPattern();
        patternUploaded(process);
        complete(process, "admin", Map.of("target-21", "on"));
        assertThat(process).isWaitingAt(RELEASE_TASK);

        processEngine.getRuntimeService().createMessageCorrelation(PATTERN_WITHDRAWN_MESSAGE)
                .processInstanceBusinessKey(businessKey(CASE)).correlate();

        assertThat(process).isWaitingAt(AWAIT_PATTERN);
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(process.getId()).count())
                .as("the release job went with it").isZero();
        verify(patterns, never()).release(anyLong(), anyLong(), anyList(), anyString());
    }

    @Test
    void aSubmissionThatKeepsFailingIsRetriedThenAnIncidentAndTheCaseWaits() {
        ProcessInstance process = start();
        execute(job(process));
        doThrow(new VendorSubmission.VendorUnreachable("file:./dropbox: disk full", null))
                .when(vendor).submit(CASE, "admin");
        complete(process, "admin", Map.of("decision", "send"));

        for (int attempt = 0; attempt < 3; attempt++) {
            var next = job(process);
            assertThatThrownBy(() -> execute(next)).isInstanceOf(VendorSubmission.VendorUnreachable.class);
        }

        assertThat(job(process).getRetries()).isZero();
        Incident incident = processEngine.getRuntimeService().createIncidentQuery()
                .processInstanceId(process.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo(SUBMIT_TASK);
        assertThat(incident.getIncidentMessage()).contains("disk full");
        assertThat(process).isWaitingAt(SUBMIT_TASK).isNotEnded();
        verify(vendor, times(3)).submit(CASE, "admin");
    }

    @Test
    void aFailedJobIsRetriedByTheConfiguredCycle() {
        ProcessInstance process = start();
        doThrow(new IllegalStateException("database away")).when(cases).announce(CASE);
        assertThatThrownBy(() -> execute(job(process))).isInstanceOf(IllegalStateException.class);

        var retried = job(process);
        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(retried.getDuedate()).isAfter(java.util.Date.from(Instant.now().plusSeconds(240)));
    }

    ProcessInstance start() {
        return processEngine.getRuntimeService().startProcessInstanceByKey(KEY, businessKey(CASE),
                Map.of(CASE_ID, CASE, ACCOUNT_ID, ACCOUNT));
    }

    ProcessInstance sentToVendor() {
        ProcessInstance process = start();
        execute(job(process));
        complete(process, "admin", Map.of("decision", "send"));
        assertThat(process).isWaitingAt(SUBMIT_TASK);
        execute(job(process));
        verify(vendor).submit(CASE, "admin");
        assertThat(process).isWaitingAt(VENDOR_CASE_TASK);
        verify(cases, never()).dismiss(anyLong(), anyString(), anyString());
        return process;
    }

    ProcessInstance awaitingPattern() {
        ProcessInstance process = sentToVendor();
        complete(process, "admin", Map.of("vendorCaseId", "V-7"));
        return process;
    }

    ProcessInstance released(Map<String, String> targets) {
        ProcessInstance process = awaitingPattern();
        patternUploaded(process);
        complete(process, "admin", targets);
        execute(job(process));
        assertThat(process).isWaitingAt(AWAIT_DEPLOYMENT);
        return process;
    }

    /** As PatternWork.upload correlates: the new pattern, and no mitigators chosen yet. */
    void patternUploaded(ProcessInstance process) {
        processEngine.getRuntimeService().createMessageCorrelation(PATTERN_UPLOADED_MESSAGE)
                .processInstanceBusinessKey(businessKey(CASE)).setVariables(Map.of(PATTERN_ID, PATTERN, TARGETS, ""))
                .correlate();
        when(views.patternFacts(PATTERN)).thenReturn(new TaskViews.PatternFacts(PATTERN, "P-1", 1, "p.bin", 9, "cd",
                "admin", Instant.now()));
    }

    void reissued(ProcessInstance process) {
        processEngine.getRuntimeService().createMessageCorrelation(PATTERN_REISSUED_MESSAGE)
                .processInstanceBusinessKey(businessKey(CASE)).setVariable(PATTERN_ID, PATTERN).correlate();
    }

    void deployed(ProcessInstance process) {
        processEngine.getRuntimeService().createMessageCorrelation(PATTERN_DEPLOYED_MESSAGE)
                .processInstanceBusinessKey(businessKey(CASE)).setVariable(PATTERN_ID, PATTERN).correlate();
    }

    TaskForm form(ProcessInstance process) {
        return forms.get(open(process).formKey());
    }

    /** Submits the task's form as the task list does, and completes the task with what it answers. */
    void complete(ProcessInstance process, String user, Map<String, String> fields) {
        TaskCompletion answer = form(process).complete(open(process), fields, user);
        assertThat(answer).isInstanceOf(TaskCompletion.Complete.class);
        processEngine.getTaskService().complete(task(process).getId(), ((TaskCompletion.Complete) answer).variables());
    }

    OpenTask open(ProcessInstance process) {
        Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId())
                .initializeFormKeys().singleResult();
        return new OpenTask(task.getId(), task.getName(), task.getFormKey(), KEY, process.getBusinessKey(),
                task.getAssignee(), task.getCreateTime().toInstant(),
                processEngine.getTaskService().getVariables(task.getId()));
    }
}
