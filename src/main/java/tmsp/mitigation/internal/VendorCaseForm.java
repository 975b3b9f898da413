package tmsp.mitigation.internal;

import static tmsp.mitigation.internal.MitigationProcess.CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.VENDOR_CASE_BY;
import static tmsp.mitigation.internal.MitigationProcess.VENDOR_CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.number;

import java.util.Map;
import org.springframework.stereotype.Component;
import tmsp.workflow.OpenTask;
import tmsp.workflow.TaskCompletion;
import tmsp.workflow.TaskForm;

/**
 * The task "Enter the vendor's case ID" (unless the API gives it first): 1 to 100 letters, digits and
 * {@code - _ . /}, not another case's.
 */
@Component
class VendorCaseForm implements TaskForm {

    private final TaskViews views;
    private final CaseWork cases;

    VendorCaseForm(TaskViews views, CaseWork cases) {
        this.views = views;
        this.cases = cases;
    }

    @Override
    public String formKey() {
        return MitigationProcess.VENDOR_CASE_FORM;
    }

    @Override
    public String fragment() {
        return "mitigation/process-tasks :: vendor-case";
    }

    @Override
    public Map<String, Object> model(OpenTask task) {
        return Map.of("case", views.caseFacts(number(task.variables(), CASE_ID)));
    }

    @Override
    public TaskCompletion complete(OpenTask task, Map<String, String> fields, String user) {
        String vendorCaseId = fields.getOrDefault(VENDOR_CASE_ID, "").strip();
        if (!CaseWork.VENDOR_CASE_ID_FORMAT.matcher(vendorCaseId).matches()) {
            return TaskCompletion.invalid(VENDOR_CASE_ID, "mitigation.task.vendorCaseId.format");
        }
        if (cases.vendorCaseIdTaken(number(task.variables(), CASE_ID), vendorCaseId)) {
            return TaskCompletion.invalid(VENDOR_CASE_ID, "mitigation.task.vendorCaseId.taken");
        }
        return TaskCompletion.complete(Map.of(VENDOR_CASE_ID, vendorCaseId, VENDOR_CASE_BY, user));
    }
}
