package tmsp.workflow.internal;

import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Says why a task a user acted on is no longer its to work on: completed (by whom), or claimed by another
 * candidate meanwhile. A task the user never could have worked on stays a 404.
 */
@Component
class MissingTask {

    private final TaskHistory history;
    private final TaskInbox inbox;

    MissingTask(TaskHistory history, TaskInbox inbox) {
        this.history = history;
        this.inbox = inbox;
    }

    /** Puts the reason into the flash for the task list, or throws {@link TaskNotFound}. */
    void explain(Worker worker, String taskId, RedirectAttributes redirect) {
        var closed = history.closed(worker, taskId);
        if (closed.isPresent()) {
            redirect.addFlashAttribute("error", TaskHistory.COMPLETED.equals(closed.get().getDeleteReason())
                    ? "tasks.alreadyCompleted" : "tasks.cancelled");
            redirect.addFlashAttribute("flashArg", closed.get().getAssignee());
            return;
        }
        Task taken = inbox.takenByOther(worker, taskId);
        if (taken == null) {
            throw new TaskNotFound(taskId);
        }
        redirect.addFlashAttribute("error", "tasks.claimedByOther");
        redirect.addFlashAttribute("flashArg", taken.getAssignee());
    }
}
