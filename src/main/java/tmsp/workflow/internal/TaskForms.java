package tmsp.workflow.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tmsp.workflow.TaskForm;

/** The {@link TaskForm} beans of every module by form key; two forms for one key stop the start. */
@Component
class TaskForms {

    private final Map<String, TaskForm> byKey;

    TaskForms(List<TaskForm> forms) {
        this.byKey = forms.stream().collect(Collectors.toUnmodifiableMap(TaskForm::formKey, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("Two task forms for form key " + a.formKey() + ": "
                            + a.getClass().getName() + " and " + b.getClass().getName());
                }));
    }

    Optional<TaskForm> forKey(String formKey) {
        return formKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(formKey));
    }
}
