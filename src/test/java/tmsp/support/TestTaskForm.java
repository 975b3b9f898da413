package tmsp.support;

import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tmsp.workflow.OpenTask;
import tmsp.workflow.TaskCompletion;
import tmsp.workflow.TaskForm;

/**
 * A module's task form as the task list's tests need one: form key {@code test:approve}
 * ({@code processes-test/task-list-test.bpmn}); a decision, approve or reject, is required; a comment is not.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestTaskForm {

    public static final String FORM_KEY = "test:approve";

    @Bean
    TaskForm testApprovalForm() {
        return new TaskForm() {
            @Override
            public String formKey() {
                return FORM_KEY;
            }

            @Override
            public String fragment() {
                return "test/approve :: approve";
            }

            @Override
            public Map<String, Object> model(OpenTask task) {
                return Map.of("request", String.valueOf(task.variables().get("request")));
            }

            @Override
            public TaskCompletion complete(OpenTask task, Map<String, String> fields, String user) {
                String decision = fields.getOrDefault("decision", "");
                if (!decision.equals("approve") && !decision.equals("reject")) {
                    return TaskCompletion.invalid("decision", "validation.required");
                }
                return TaskCompletion.complete(Map.of("decision", decision, "decidedBy", user,
                        "comment", fields.getOrDefault("comment", "")));
            }
        };
    }
}
