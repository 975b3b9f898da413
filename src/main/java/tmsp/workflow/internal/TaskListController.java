package tmsp.workflow.internal;

import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The task list: assigned to me, my groups' unassigned tasks, completed ones; claim and hand back. */
@Controller
class TaskListController {

    static final int PAGE_SIZE = 25;

    /** The list's tabs. */
    enum View { MINE, GROUPS, COMPLETED }

    private final TaskInbox inbox;
    private final TaskHistory history;
    private final TaskWork work;
    private final MissingTask missing;

    TaskListController(TaskInbox inbox, TaskHistory history, TaskWork work, MissingTask missing) {
        this.inbox = inbox;
        this.history = history;
        this.work = work;
        this.missing = missing;
    }

    @GetMapping("/tasks")
    String list(@RequestParam(defaultValue = "MINE") View view, @RequestParam(defaultValue = "0") int page,
                Authentication authentication, Model model) {
        Worker worker = Worker.of(authentication);
        PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("view", view.name());
        model.addAttribute("me", worker.name());
        model.addAttribute("tasks", switch (view) {
            case MINE -> inbox.assignedTo(worker, request);
            case GROUPS -> inbox.ofGroups(worker, request);
            case COMPLETED -> history.completed(worker, request);
        });
        return "workflow/list";
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, @RequestParam(defaultValue = "GROUPS") View view,
                 Authentication authentication, RedirectAttributes redirect) {
        Worker worker = Worker.of(authentication);
        Task task = inbox.find(worker, id);
        if (task == null) {
            missing.explain(worker, id, redirect);
            return "redirect:/tasks?view=" + view;
        }
        try {
            work.claim(worker, task);
            redirect.addFlashAttribute("success", "tasks.claimed");
            redirect.addFlashAttribute("flashArg", task.getName());
            return "redirect:/tasks?view=MINE";
        } catch (TaskAlreadyClaimedException | NullValueException raced) {
            missing.explain(worker, id, redirect);
            return "redirect:/tasks?view=" + view;
        }
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
        Worker worker = Worker.of(authentication);
        Task task = inbox.find(worker, id);
        if (task == null) {
            missing.explain(worker, id, redirect);
            return "redirect:/tasks?view=MINE";
        }
        boolean handedBack = work.unclaim(worker, task);
        redirect.addFlashAttribute(handedBack ? "success" : "error", handedBack ? "tasks.unclaimed" : "tasks.cannotUnclaim");
        redirect.addFlashAttribute("flashArg", task.getName());
        return "redirect:/tasks?view=" + (handedBack ? View.GROUPS : View.MINE);
    }
}
