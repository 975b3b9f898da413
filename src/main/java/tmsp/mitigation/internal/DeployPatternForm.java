package tmsp.mitigation.internal;

import static tmsp.mitigation.internal.MitigationProcess.ACCOUNT_ID;
import static tmsp.mitigation.internal.MitigationProcess.CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.DEPLOYED_BY;
import static tmsp.mitigation.internal.MitigationProcess.PATTERN_ID;
import static tmsp.mitigation.internal.MitigationProcess.TARGETS;
import static tmsp.mitigation.internal.MitigationProcess.number;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tmsp.appliance.AccountMitigators.Mitigator;
import tmsp.workflow.OpenTask;
import tmsp.workflow.TaskCompletion;
import tmsp.workflow.TaskForm;

/**
 * The task "Deploy the pattern": which of the account's enabled mitigators get it (all, unless the administrator
 * unticks some; at least one). One checkbox per mitigator, named {@code target-<productId>}.
 */
@Component
class DeployPatternForm implements TaskForm {

    static final String TARGET_PREFIX = "target-";
    /** The field the "at least one" error is shown at. */
    static final String TARGETS_FIELD = "targets";

    private final TaskViews views;

    DeployPatternForm(TaskViews views) {
        this.views = views;
    }

    @Override
    public String formKey() {
        return MitigationProcess.DEPLOY_FORM;
    }

    @Override
    public String fragment() {
        return "mitigation/process-tasks :: deploy";
    }

    @Override
    public Map<String, Object> model(OpenTask task) {
        return Map.of("case", views.caseFacts(number(task.variables(), CASE_ID)),
                "pattern", views.patternFacts(number(task.variables(), PATTERN_ID)),
                "mitigators", views.mitigatorsOf(number(task.variables(), ACCOUNT_ID)));
    }

    @Override
    public TaskCompletion complete(OpenTask task, Map<String, String> fields, String user) {
        Set<Long> enabled = views.mitigatorsOf(number(task.variables(), ACCOUNT_ID)).stream()
                .map(Mitigator::productId).collect(Collectors.toSet());
        List<Long> chosen = fields.keySet().stream().filter(name -> name.startsWith(TARGET_PREFIX))
                .map(name -> name.substring(TARGET_PREFIX.length()))
                .filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).filter(enabled::contains).sorted().toList();
        if (chosen.isEmpty()) {
            return TaskCompletion.invalid(TARGETS_FIELD, "mitigation.task.targets.required");
        }
        return TaskCompletion.complete(Map.of(TARGETS, MitigationProcess.targets(chosen), DEPLOYED_BY, user));
    }
}
