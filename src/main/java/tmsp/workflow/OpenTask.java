package tmsp.workflow;

import java.time.Instant;
import java.util.Map;

/**
 * A user task as a form sees it.
 *
 * @param processKey  the process definition's key, e.g. {@code account-deletion}
 * @param businessKey the process instance's business key (often the id of what it is about), or null
 * @param assignee    the user name it is claimed by, or null
 * @param variables   the process instance's variables (primitives and JSON only)
 */
public record OpenTask(String id, String name, String formKey, String processKey, String businessKey,
                       String assignee, Instant created, Map<String, Object> variables) {

    public OpenTask {
        variables = Map.copyOf(variables);
    }
}
