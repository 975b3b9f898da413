package tmsp.workflow.internal;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.workflow.OpenTask;

/**
 * What a user does with an open task: claim, hand back, complete. Every change runs as that user in Camunda
 * ({@code setAuthenticatedUserId}), so history records who.
 */
@Service
class TaskWork {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final IdentityService identity;

    TaskWork(TaskService tasks, RuntimeService runtime, RepositoryService repository, IdentityService identity) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.identity = identity;
    }

    /** The task as a form sees it, with its process instance's variables. */
    OpenTask describe(Task task) {
        String processKey = task.getProcessDefinitionId() == null ? null
                : repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        String businessKey = task.getProcessInstanceId() == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        return new OpenTask(task.getId(), task.getName(), task.getFormKey(), processKey, businessKey,
                task.getAssignee(), task.getCreateTime().toInstant(), tasks.getVariables(task.getId()));
    }

    /** Takes an unassigned task; fails with Camunda's {@code TaskAlreadyClaimedException} if someone was quicker. */
    void claim(Worker worker, Task task) {
        asUser(worker, () -> tasks.claim(task.getId(), worker.name()));
    }

    /** Hands a task back to its candidate groups; false when it has none (then nobody would see it again). */
    boolean unclaim(Worker worker, Task task) {
        boolean hasGroups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null);
        if (!hasGroups || !worker.name().equals(task.getAssignee())) {
            return false;
        }
        asUser(worker, () -> tasks.setAssignee(task.getId(), null));
        return true;
    }

    /** Claims an unassigned task and completes it, both or neither. */
    @Transactional
    void complete(Worker worker, Task task, Map<String, Object> variables) {
        asUser(worker, () -> {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), worker.name());
            }
            tasks.complete(task.getId(), variables);
        });
    }

    private void asUser(Worker worker, Runnable work) {
        identity.setAuthentication(worker.name(), worker.groups());
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
