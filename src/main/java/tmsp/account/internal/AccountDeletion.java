package tmsp.account.internal;

import static tmsp.account.internal.DeletionProcess.ACCOUNT_ID;
import static tmsp.account.internal.DeletionProcess.ACCOUNT_NAME;
import static tmsp.account.internal.DeletionProcess.REQUESTED_AT;
import static tmsp.account.internal.DeletionProcess.REQUESTED_BY;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.identity.CurrentUser;

/**
 * Deleting an account is a BPMN process ({@code processes/account-deletion.bpmn}): it deletes at once, or waits for
 * an administrator to move the account's products first. The web page and the API start it here.
 */
@Service
class AccountDeletion {

    /**
     * Where a deletion stands: done, or waiting for a user task.
     * @param taskId the waiting task, or null when done
     */
    record State(boolean done, String processInstanceId, String taskId, String taskName, String requestedBy,
                 Instant requestedAt) {
    }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final Accounts accounts;

    AccountDeletion(RuntimeService runtime, TaskService tasks, HistoryService history, Accounts accounts) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.accounts = accounts;
    }

    /**
     * Starts the deletion, or returns the one already waiting for this account. Steps that run at once run in
     * this transaction, so a refusal undoes the start.
     * @throws AccountNotFound for an unknown account
     * @throws AccountRejected if another module objects
     */
    @Transactional
    State request(long accountId) {
        Account account = accounts.lockById(accountId).orElseThrow(() -> new AccountNotFound(accountId));
        Optional<State> waiting = pending(accountId);
        if (waiting.isPresent()) {
            return waiting.get();
        }
        Instant now = Instant.now();
        ProcessInstance instance;
        try {
            instance = runtime.startProcessInstanceByKey(DeletionProcess.KEY, DeletionProcess.businessKey(accountId),
                    Map.of(ACCOUNT_ID, accountId, ACCOUNT_NAME, account.getName(), REQUESTED_BY, CurrentUser.name(),
                            REQUESTED_AT, now.toString()));
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
        return instance.isEnded() ? new State(true, instance.getId(), null, null, CurrentUser.name(), now)
                : pending(accountId).orElseThrow();
    }

    /** The deletion of this account that waits for a task, if any. */
    @Transactional(readOnly = true)
    Optional<State> pending(long accountId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(DeletionProcess.KEY)
                .processInstanceBusinessKey(DeletionProcess.businessKey(accountId)).active().listPage(0, 1)
                .stream().findFirst().orElse(null);
        if (instance == null) {
            return Optional.empty();
        }
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).listPage(0, 1)
                .stream().findFirst().orElse(null);
        Map<String, Object> variables = runtime.getVariables(instance.getId());
        return Optional.of(new State(false, instance.getId(), task == null ? null : task.getId(),
                task == null ? null : task.getName(), (String) variables.get(REQUESTED_BY),
                Instant.parse((String) variables.get(REQUESTED_AT))));
    }

    /** The accounts whose deletion waits for a task: no place to move products to. */
    @Transactional(readOnly = true)
    Set<Long> leaving() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(DeletionProcess.KEY).active().list().stream()
                .map(instance -> DeletionProcess.accountOf(instance.getBusinessKey())).collect(Collectors.toSet());
    }

    /** The waiting deletion, or the last one that finished, of this account (which may be gone by now). */
    @Transactional(readOnly = true)
    Optional<State> latest(long accountId) {
        return pending(accountId).or(() -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(DeletionProcess.KEY).processInstanceBusinessKey(DeletionProcess.businessKey(accountId))
                .completed().orderByProcessInstanceEndTime().desc().listPage(0, 1).stream().findFirst()
                .map(done -> new State(true, done.getId(), null, null, (String) historic(done.getId(), REQUESTED_BY),
                        Instant.parse((String) historic(done.getId(), REQUESTED_AT)))));
    }

    private Object historic(String processInstanceId, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name)
                .singleResult().getValue();
    }

    private static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccountRejected || t instanceof AccountNotFound) {
                return (RuntimeException) t;
            }
        }
        return e;
    }
}
