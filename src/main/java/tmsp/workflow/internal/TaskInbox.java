package tmsp.workflow.internal;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * The open tasks a user may work on: those assigned to it, and the unassigned ones of its candidate groups
 * (Camunda's candidate queries leave assigned tasks out). Newest first, a page and its count.
 */
@Service
class TaskInbox {

    private final TaskService tasks;
    private final ProcessLabels labels;

    TaskInbox(TaskService tasks, ProcessLabels labels) {
        this.tasks = tasks;
        this.labels = labels;
    }

    Page<TaskRow> assignedTo(Worker worker, Pageable page) {
        return page(tasks.createTaskQuery().taskAssignee(worker.name()), page);
    }

    Page<TaskRow> ofGroups(Worker worker, Pageable page) {
        if (worker.groups().isEmpty()) {
            return Page.empty(page);
        }
        return page(tasks.createTaskQuery().taskCandidateGroupIn(worker.groups()), page);
    }

    /** Both lists' tasks together, in one count query: the menu's badge. */
    long count(Worker worker) {
        return workable(worker).count();
    }

    /** The open task if this user may work on it now (its assignee, or a candidate while it is unassigned). */
    Task find(Worker worker, String taskId) {
        return workable(worker).taskId(taskId).initializeFormKeys().singleResult();
    }

    /** The open task if someone else claimed it while this user, one of its candidates, was looking at it. */
    Task takenByOther(Worker worker, String taskId) {
        if (worker.groups().isEmpty()) {
            return null;
        }
        Task task = tasks.createTaskQuery().taskId(taskId).taskCandidateGroupIn(worker.groups()).includeAssignedTasks()
                .singleResult();
        return task == null || task.getAssignee() == null || task.getAssignee().equals(worker.name()) ? null : task;
    }

    private TaskQuery workable(Worker worker) {
        TaskQuery query = tasks.createTaskQuery().or().taskAssignee(worker.name());
        if (!worker.groups().isEmpty()) {
            query.taskCandidateGroupIn(worker.groups());
        }
        return query.endOr();
    }

    private Page<TaskRow> page(TaskQuery query, Pageable page) {
        long total = query.count();
        List<Task> found = total == 0 ? List.of()
                : query.orderByTaskCreateTime().desc().orderByTaskId().asc()
                .listPage((int) page.getOffset(), page.getPageSize());
        ProcessLabels.Labels shown = labels.of(found.stream().map(Task::getProcessDefinitionId).toList(),
                found.stream().map(Task::getProcessInstanceId).toList());
        List<TaskRow> rows = found.stream().map(t -> new TaskRow(t.getId(), t.getName(),
                shown.processName(t.getProcessDefinitionId()), shown.businessKey(t.getProcessInstanceId()),
                t.getAssignee(), t.getCreateTime().toInstant(), null)).toList();
        return new PageImpl<>(rows, page, total);
    }
}
