package tmsp.mitigation.internal;

import static tmsp.mitigation.internal.MitigationProcess.CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.DECISION;
import static tmsp.mitigation.internal.MitigationProcess.DISMISS;
import static tmsp.mitigation.internal.MitigationProcess.DISMISS_REASON;
import static tmsp.mitigation.internal.MitigationProcess.REVIEWED_BY;
import static tmsp.mitigation.internal.MitigationProcess.SEND;
import static tmsp.mitigation.internal.MitigationProcess.number;

import java.util.Map;
import org.springframework.stereotype.Component;
import tmsp.workflow.OpenTask;
import tmsp.workflow.TaskCompletion;
import tmsp.workflow.TaskForm;

/**
 * The task "Review and send to the vendor": the case and a link to download its sample; the administrator sends
 * it to the vendor, or dismisses the case saying why.
 */
@Component
class ReviewSampleForm implements TaskForm {

    static final String REASON = "reason";
    static final int MAX_REASON = 1000;

    private final TaskViews views;

    ReviewSampleForm(TaskViews views) {
        this.views = views;
    }

    @Override
    public String formKey() {
        return MitigationProcess.REVIEW_FORM;
    }

    @Override
    public String fragment() {
        return "mitigation/process-tasks :: review";
    }

    @Override
    public Map<String, Object> model(OpenTask task) {
        return Map.of("case", views.caseFacts(number(task.variables(), CASE_ID)));
    }

    @Override
    public TaskCompletion complete(OpenTask task, Map<String, String> fields, String user) {
        String decision = fields.getOrDefault(DECISION, "").strip();
        String reason = fields.getOrDefault(REASON, "").strip();
        if (!decision.equals(SEND) && !decision.equals(DISMISS)) {
            return TaskCompletion.invalid(DECISION, "mitigation.task.decision.required");
        }
        if (decision.equals(DISMISS) && reason.isEmpty()) {
            return TaskCompletion.invalid(REASON, "mitigation.task.reason.required");
        }
        if (reason.length() > MAX_REASON) {
            return TaskCompletion.invalid(REASON, "mitigation.task.reason.tooLong");
        }
        return TaskCompletion.complete(Map.of(DECISION, decision, REVIEWED_BY, user, DISMISS_REASON, reason));
    }
}
