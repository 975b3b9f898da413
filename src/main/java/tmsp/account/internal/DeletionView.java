package tmsp.account.internal;

import java.net.URI;
import java.time.Instant;

/**
 * An account's deletion as the API shows it.
 * @param state    {@code WAITING} for a user task, or {@code DONE}
 * @param taskId   the waiting task (complete it in the task list, {@link #taskList}), or null
 */
record DeletionView(String state, String processInstanceId, String taskId, String taskName, String taskList,
                    String requestedBy, Instant requestedAt) {

    static final String TASK_LIST = "/tasks";

    static DeletionView of(AccountDeletion.State state) {
        return new DeletionView(state.done() ? "DONE" : "WAITING", state.processInstanceId(), state.taskId(),
                state.taskName(), state.done() ? null : TASK_LIST, state.requestedBy(), state.requestedAt());
    }

    static URI location(long accountId) {
        return URI.create("/api/v1/accounts/" + accountId + "/deletion");
    }
}
