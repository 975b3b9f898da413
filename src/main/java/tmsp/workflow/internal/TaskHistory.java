package tmsp.workflow.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Completed tasks from Camunda's history: who completed one (its assignee then: completing claims an unassigned
 * task first) and when. A user sees the tasks it completed; an administrator sees every completed task. The
 * history level ({@code audit}) keeps no candidate groups, so a task's groups are read from its BPMN model.
 */
@Service
class TaskHistory {

    /** Camunda's delete reason of a task that was completed (not cancelled with its process). */
    static final String COMPLETED = "completed";

    private final HistoryService history;
    private final RepositoryService repository;
    private final ProcessLabels labels;

    TaskHistory(HistoryService history, RepositoryService repository, ProcessLabels labels) {
        this.history = history;
        this.repository = repository;
        this.labels = labels;
    }

    Page<TaskRow> completed(Worker worker, Pageable page) {
        HistoricTaskInstanceQuery query = history.createHistoricTaskInstanceQuery().finished()
                .taskDeleteReason(COMPLETED);
        if (!worker.isAdmin()) {
            query.taskAssignee(worker.name());
        }
        long total = query.count();
        List<HistoricTaskInstance> found = total == 0 ? List.of()
                : query.orderByHistoricTaskInstanceEndTime().desc().orderByTaskId().asc()
                .listPage((int) page.getOffset(), page.getPageSize());
        ProcessLabels.Labels shown = labels.of(found.stream().map(HistoricTaskInstance::getProcessDefinitionId).toList(),
                found.stream().map(HistoricTaskInstance::getProcessInstanceId).toList());
        return new PageImpl<>(found.stream().map(t -> new TaskRow(t.getId(), t.getName(),
                shown.processName(t.getProcessDefinitionId()), shown.businessKey(t.getProcessInstanceId()),
                t.getAssignee(), t.getStartTime().toInstant(), t.getEndTime().toInstant())).toList(), page, total);
    }

    /**
     * A task that is no longer open, if this user could have worked on it: its assignee, an administrator, or a
     * member of one of the candidate groups its model names.
     */
    Optional<HistoricTaskInstance> closed(Worker worker, String taskId) {
        return Optional.ofNullable(history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult())
                .filter(t -> worker.name().equals(t.getAssignee()) || worker.isAdmin()
                        || worker.inAnyOf(candidateGroups(t)));
    }

    private List<String> candidateGroups(HistoricTaskInstance task) {
        if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
            return List.of();
        }
        var element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        if (!(element instanceof UserTask userTask) || userTask.getCamundaCandidateGroups() == null) {
            return List.of();
        }
        return Arrays.stream(userTask.getCamundaCandidateGroups().split(",")).map(String::trim).toList();
    }
}
