package tmsp.workflow.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such task, or one the user may not work on: both are a 404, so a task's existence is not revealed. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class TaskNotFound extends RuntimeException {

    TaskNotFound(String id) {
        super("No task " + id + " for this user");
    }
}
