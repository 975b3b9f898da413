package tmsp.workflow.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.workflow.OpenTask;
import tmsp.workflow.TaskCompletion;
import tmsp.workflow.TaskForm;

/**
 * One task: its module's form (found by the task's form key), submitted and checked by that form, then the task
 * completed with the form's variables. A task without a registered form is shown, not completed: what its
 * variables would have to be is the form's business.
 */
@Controller
class TaskPageController {

    private final TaskInbox inbox;
    private final TaskWork work;
    private final TaskForms forms;
    private final TaskHistory history;
    private final MissingTask missing;

    TaskPageController(TaskInbox inbox, TaskWork work, TaskForms forms, TaskHistory history, MissingTask missing) {
        this.inbox = inbox;
        this.work = work;
        this.forms = forms;
        this.history = history;
        this.missing = missing;
    }

    @GetMapping("/tasks/{id}")
    String show(@PathVariable String id, Authentication authentication, Model model) {
        Worker worker = Worker.of(authentication);
        Task task = inbox.find(worker, id);
        if (task == null) {
            var closed = history.closed(worker, id).orElseThrow(() -> new TaskNotFound(id));
            model.addAttribute("closed", closed);
            model.addAttribute("completed", TaskHistory.COMPLETED.equals(closed.getDeleteReason()));
            return "workflow/closed";
        }
        OpenTask open = work.describe(task);
        return page(open, forms.forKey(open.formKey()), Map.of(), Map.of(), model);
    }

    @PostMapping("/tasks/{id}")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> submitted,
                    Authentication authentication, Model model, RedirectAttributes redirect) {
        Worker worker = Worker.of(authentication);
        Task task = inbox.find(worker, id);
        if (task == null) {
            missing.explain(worker, id, redirect);
            return "redirect:/tasks";
        }
        OpenTask open = work.describe(task);
        Optional<TaskForm> form = forms.forKey(open.formKey());
        if (form.isEmpty()) {
            redirect.addFlashAttribute("error", "tasks.noForm");
            redirect.addFlashAttribute("flashArg", open.formKey());
            return "redirect:/tasks/" + id;
        }
        Map<String, String> fields = fields(submitted);
        TaskCompletion answer = form.get().complete(open, fields, worker.name());
        if (answer instanceof TaskCompletion.Invalid invalid) {
            return page(open, form, fields, invalid.fieldErrors(), model);
        }
        try {
            work.complete(worker, task, ((TaskCompletion.Complete) answer).variables());
        } catch (TaskAlreadyClaimedException | NullValueException | OptimisticLockingException raced) {
            missing.explain(worker, id, redirect);
            return "redirect:/tasks";
        }
        redirect.addFlashAttribute("success", "tasks.completed");
        redirect.addFlashAttribute("flashArg", open.name());
        return "redirect:/tasks";
    }

    private static String page(OpenTask task, Optional<TaskForm> form, Map<String, String> fields,
                               Map<String, String> fieldErrors, Model model) {
        model.addAttribute("task", task);
        model.addAttribute("variables", new TreeMap<>(task.variables()));
        model.addAttribute("fragment", form.map(TaskForm::fragment).orElse(null));
        model.addAttribute("model", form.map(f -> f.model(task)).orElse(Map.of()));
        model.addAttribute("fields", fields);
        model.addAttribute("fieldErrors", fieldErrors);
        return "workflow/task";
    }

    /** The submitted fields, first value each, without the CSRF token. */
    private static Map<String, String> fields(MultiValueMap<String, String> submitted) {
        Map<String, String> fields = new LinkedHashMap<>();
        submitted.forEach((name, values) -> {
            if (!name.equals("_csrf") && !values.isEmpty()) {
                fields.put(name, values.get(0));
            }
        });
        return fields;
    }
}
