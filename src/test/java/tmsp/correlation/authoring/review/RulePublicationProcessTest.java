package tmsp.correlation.authoring.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tmsp.correlation.RuleCompilationException;
import tmsp.correlation.authoring.RuleDrafts;
import tmsp.correlation.authoring.RuleSetDraft;
import tmsp.workflow.OpenTask;
import tmsp.workflow.TaskCompletion;

/**
 * rule-publication.bpmn alone, on an in-memory engine without Spring: the real delegates and the real review form
 * over a stand-in for the drafts (RulePublicationIT runs the whole way on PostgreSQL).
 */
@Deployment(resources = "processes/rule-publication.bpmn")
class RulePublicationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    static final long DRAFT = 42L;

    ProcessEngine processEngine;
    RuleDrafts drafts = mock(RuleDrafts.class);
    ReviewForm form = new ReviewForm(drafts, mock(RuleReviews.class));

    @BeforeEach
    void delegates() {
        processEngine = engine.getProcessEngine();
        init(processEngine);
        Mocks.register("publishRuleDraftTask", new PublishDraftTask(drafts));
        Mocks.register("returnRuleDraftTask", new ReturnDraftTask(drafts));
        Mocks.register("rulePublicationRetries", Map.of("cycle", "R3/PT1M"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void anApprovalPublishesTheDraftInAJobOfItsOwnAndEnds() {
        ProcessInstance review = start();
        assertThat(review).isWaitingAt(PublicationProcess.REVIEW_TASK);
        assertThat(task(review)).hasName("Review rule set draft #42").hasCandidateGroup("ANALYST")
                .hasCandidateGroup("ADMIN").hasFormKey(PublicationProcess.REVIEW_FORM);
        inReview(review);

        complete(review, "bob", Map.of("decision", "approve", "comment", "agreed"));

        assertThat(review).isWaitingAt(PublicationProcess.PUBLISH_TASK);
        verify(drafts, never()).approve(anyLong(), anyString(), anyString());
        execute(job(review));

        verify(drafts).approve(DRAFT, "bob", "agreed");
        assertThat(review).hasPassed(PublicationProcess.PUBLISH_TASK, PublicationProcess.PUBLISHED_END).isEnded();
        verify(drafts, never()).reject(anyLong(), anyString(), anyString());
    }

    @Test
    void aRejectionReturnsTheDraftWithTheComment() {
        ProcessInstance review = start();
        inReview(review);

        complete(review, "admin", Map.of("decision", "reject", "comment", "explain the threshold"));
        execute(job(review));

        verify(drafts).reject(DRAFT, "admin", "explain the threshold");
        verify(drafts, never()).approve(anyLong(), anyString(), anyString());
        assertThat(review).hasPassed(PublicationProcess.RETURN_TASK, PublicationProcess.RETURNED_END)
                .hasNotPassed(PublicationProcess.PUBLISH_TASK).isEnded();
    }

    @Test
    void aPublicationThatFailsIsRetriedThenAnIncidentAndNeverEnds() {
        ProcessInstance review = start();
        inReview(review);
        when(drafts.approve(DRAFT, "bob", "")).thenThrow(new RuleCompilationException(
                List.of("outbreak.drl:7:5: unable to resolve method using 'nonsense'")));
        complete(review, "bob", Map.of("decision", "approve"));

        for (int attempt = 0; attempt < 3; attempt++) {
            Job next = job(review);
            assertThatThrownBy(() -> execute(next)).isInstanceOf(RuleCompilationException.class);
        }

        assertThat(job(review).getRetries()).isZero();
        Incident incident = processEngine.getRuntimeService().createIncidentQuery()
                .processInstanceId(review.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(incident.getActivityId()).isEqualTo(PublicationProcess.PUBLISH_TASK);
        assertThat(incident.getIncidentMessage()).contains("do not compile");
        assertThat(review).isWaitingAt(PublicationProcess.PUBLISH_TASK).isNotEnded();
        verify(drafts, times(3)).approve(DRAFT, "bob", "");
    }

    @Test
    void theAuthorCannotCompleteTheirOwnReviewAndTheTaskStaysOpen() {
        ProcessInstance review = start();

        TaskCompletion approve = form.complete(open(review), Map.of("decision", "approve", "comment", "fine"), "ann");
        TaskCompletion reject = form.complete(open(review), Map.of("decision", "reject", "comment", "no"), "ann");

        assertThat(approve).isEqualTo(new TaskCompletion.Invalid(Map.of("decision", "rulereview.fourEyes")));
        assertThat(reject).isEqualTo(approve);
        assertThat(review).isWaitingAt(PublicationProcess.REVIEW_TASK);
        assertThat(task(review)).isNotAssigned();
        verify(drafts, never()).approve(anyLong(), anyString(), anyString());
    }

    @Test
    void aRejectionSaysWhyAndADecisionIsMade() {
        ProcessInstance review = start();

        assertThat(form.complete(open(review), Map.of("decision", "reject", "comment", "  "), "bob"))
                .isEqualTo(new TaskCompletion.Invalid(Map.of("comment", "rulereview.comment.required")));
        assertThat(form.complete(open(review), Map.of("comment", "hm"), "bob"))
                .isEqualTo(new TaskCompletion.Invalid(Map.of("decision", "rulereview.decision.required")));
        assertThat(form.complete(open(review), Map.of("decision", "approve", "comment", "x".repeat(2001)), "bob"))
                .isEqualTo(new TaskCompletion.Invalid(Map.of("comment", "rulereview.comment.tooLong")));
        assertThat(review).isWaitingAt(PublicationProcess.REVIEW_TASK);
    }

    @Test
    void aPublishJobThatRunsAgainAfterItsDraftWasPublishedDoesNothing() {
        ProcessInstance review = start();
        complete(review, "bob", Map.of("decision", "approve"));
        when(drafts.get(DRAFT)).thenReturn(draft(review, 5, "PUBLISHED"));

        execute(job(review));

        verify(drafts, never()).approve(anyLong(), anyString(), anyString());
        assertThat(review).isEnded();
    }

    ProcessInstance start() {
        return processEngine.getRuntimeService().startProcessInstanceByKey(PublicationProcess.KEY,
                PublicationProcess.businessKey(DRAFT), Map.of(PublicationProcess.DRAFT_ID, DRAFT,
                        PublicationProcess.AUTHOR, "ann", PublicationProcess.LABEL, "draft #42"));
    }

    /** The drafts answer that this process's draft is in review. */
    void inReview(ProcessInstance review) {
        when(drafts.get(DRAFT)).thenReturn(draft(review, null, "IN_REVIEW"));
    }

    /** Submits the review form as the task list does, and completes the task with what it answers. */
    void complete(ProcessInstance review, String user, Map<String, String> fields) {
        TaskCompletion answer = form.complete(open(review), fields, user);
        assertThat(answer).isInstanceOf(TaskCompletion.Complete.class);
        processEngine.getTaskService().complete(task(review).getId(), ((TaskCompletion.Complete) answer).variables());
    }

    OpenTask open(ProcessInstance review) {
        Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(review.getId())
                .initializeFormKeys().singleResult();
        return new OpenTask(task.getId(), task.getName(), task.getFormKey(), PublicationProcess.KEY,
                review.getBusinessKey(), task.getAssignee(), task.getCreateTime().toInstant(),
                processEngine.getTaskService().getVariables(task.getId()));
    }

    static RuleSetDraft draft(ProcessInstance review, Integer number, String state) {
        return new RuleSetDraft(DRAFT, number, state, "five hosts", "ann", 1L, Instant.now(), Instant.now(), null,
                null, null, null, review.getId(), Map.of(), Map.of(), List.of());
    }
}
