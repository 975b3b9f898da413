package tmsp.workflow;

import java.util.Map;

/** A form's answer to a submission: complete the task with these variables, or show these field errors. */
public sealed interface TaskCompletion {

    /** @param variables what the task completes with (primitives and JSON only) */
    record Complete(Map<String, Object> variables) implements TaskCompletion {
        public Complete {
            variables = Map.copyOf(variables);
        }
    }

    /** @param fieldErrors field name to message key ({@code messages.properties}) */
    record Invalid(Map<String, String> fieldErrors) implements TaskCompletion {
        public Invalid {
            if (fieldErrors.isEmpty()) {
                throw new IllegalArgumentException("an invalid submission names at least one field error");
            }
            fieldErrors = Map.copyOf(fieldErrors);
        }
    }

    static TaskCompletion complete(Map<String, Object> variables) {
        return new Complete(variables);
    }

    static TaskCompletion invalid(String field, String messageKey) {
        return new Invalid(Map.of(field, messageKey));
    }
}
