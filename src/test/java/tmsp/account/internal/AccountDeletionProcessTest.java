package tmsp.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * account-deletion.bpmn alone, on an in-memory engine without Spring: the real delegates, over a stand-in for the
 * steps they call (the database is the integration test's: AccountDeletionIT).
 */
@Deployment(resources = "processes/account-deletion.bpmn")
class AccountDeletionProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    static final long ACCOUNT = 7;
    static final long TARGET = 8;
    static final Instant REQUESTED = Instant.parse("2026-12-01T20:00:00Z");

    ProcessEngine processEngine;
    DeletionSteps steps = mock(DeletionSteps.class);

    @BeforeEach
    void delegates() {
        processEngine = engine.getProcessEngine();
        init(processEngine);
        Mocks.register("checkAccountDeletionTask", new CheckDeletionTask(steps));
        Mocks.register("moveProductsTask", new MoveProductsTask(steps));
        Mocks.register("deleteAccountTask", new DeleteAccountTask(steps));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void anAccountWithoutProductsIsDeletedAtOnce() {
        situation(false, false);
        ProcessInstance deletion = start();

        assertThat(deletion).hasPassed("check-account", "delete-account").hasNotPassed("move-products").isEnded();
        verify(steps).delete(ACCOUNT, new DeletionSteps.Deletion("anna", REQUESTED, null, null));
        verify(steps, never()).moveProducts(anyLong(), anyLong(), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void theOnlyAccountWithProductsWaitsForAnAdministratorToMoveThemThenIsDeleted() {
        situation(true, true);
        ProcessInstance deletion = start();

        assertThat(deletion).isWaitingAt(DeletionProcess.MOVE_PRODUCTS_TASK).hasPassed("check-account")
                .hasNotPassed("delete-account").variables().containsEntry(DeletionProcess.ONLY_ACCOUNT, true);
        assertThat(task(deletion)).hasCandidateGroup("ADMIN").hasFormKey(DeletionProcess.MOVE_PRODUCTS_FORM);
        verify(steps, never()).delete(anyLong(), org.mockito.ArgumentMatchers.any());

        processEngine.getTaskService().complete(task(deletion).getId(),
                Map.of(DeletionProcess.TARGET_ACCOUNT_ID, TARGET, DeletionProcess.PRODUCTS_MOVED_BY, "bert"));

        assertThat(deletion).hasPassed(DeletionProcess.MOVE_PRODUCTS_TASK, "transfer-products", "delete-account").isEnded();
        verify(steps).moveProducts(ACCOUNT, TARGET, "bert");
        verify(steps).delete(ACCOUNT, new DeletionSteps.Deletion("anna", REQUESTED, "bert", TARGET));
    }

    /** The branch decision: with other accounts, an administrator still chooses where the products go (no 409). */
    @Test
    void anAccountWithProductsAndOtherAccountsWaitsForTheSameTask() {
        situation(true, false);
        ProcessInstance deletion = start();

        assertThat(deletion).isWaitingAt(DeletionProcess.MOVE_PRODUCTS_TASK).variables()
                .containsEntry(DeletionProcess.PRODUCTS_REGISTERED, true).containsEntry(DeletionProcess.ONLY_ACCOUNT, false);
        processEngine.getTaskService().complete(task(deletion).getId(),
                Map.of(DeletionProcess.TARGET_ACCOUNT_ID, TARGET, DeletionProcess.PRODUCTS_MOVED_BY, "anna"));
        assertThat(deletion).hasPassed("transfer-products", "delete-account").isEnded();
        verify(steps).delete(ACCOUNT, new DeletionSteps.Deletion("anna", REQUESTED, "anna", TARGET));
    }

    @Test
    void aRefusalAtTheCheckStartsNothing() {
        when(steps.check(ACCOUNT)).thenThrow(AccountRejected.of("id", "accounts.someObjection", true));

        assertThatThrownBy(this::start).isInstanceOf(AccountRejected.class);
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
        verify(steps, never()).delete(anyLong(), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void whenTheProductsCannotMoveTheTaskStaysOpenAndNothingIsDeleted() {
        situation(true, false);
        ProcessInstance deletion = start();
        doThrow(new IllegalArgumentException("No other account #8")).when(steps).moveProducts(ACCOUNT, TARGET, "bert");
        String taskId = task(deletion).getId();

        assertThatThrownBy(() -> processEngine.getTaskService().complete(taskId,
                Map.of(DeletionProcess.TARGET_ACCOUNT_ID, TARGET, DeletionProcess.PRODUCTS_MOVED_BY, "bert")))
                .hasMessageContaining("No other account #8");
        assertThat(deletion).isWaitingAt(DeletionProcess.MOVE_PRODUCTS_TASK);
        verify(steps, never()).delete(anyLong(), org.mockito.ArgumentMatchers.any());
    }

    void situation(boolean productsRegistered, boolean onlyAccount) {
        when(steps.check(ACCOUNT)).thenReturn(new DeletionSteps.Situation(productsRegistered, onlyAccount));
    }

    ProcessInstance start() {
        return processEngine.getRuntimeService().startProcessInstanceByKey(DeletionProcess.KEY,
                DeletionProcess.businessKey(ACCOUNT), Map.of(DeletionProcess.ACCOUNT_ID, ACCOUNT,
                        DeletionProcess.ACCOUNT_NAME, "Acme", DeletionProcess.REQUESTED_BY, "anna",
                        DeletionProcess.REQUESTED_AT, REQUESTED.toString()));
    }
}
