package tmsp.account.internal;

import static tmsp.account.internal.DeletionProcess.ACCOUNT_ID;
import static tmsp.account.internal.DeletionProcess.PRODUCTS_MOVED_BY;
import static tmsp.account.internal.DeletionProcess.REQUESTED_AT;
import static tmsp.account.internal.DeletionProcess.REQUESTED_BY;
import static tmsp.account.internal.DeletionProcess.TARGET_ACCOUNT_ID;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task of account-deletion: maps the process variables to one service call. */
@Component("deleteAccountTask")
class DeleteAccountTask implements JavaDelegate {

    private final DeletionSteps steps;

    DeleteAccountTask(DeletionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Number movedTo = (Number) execution.getVariable(TARGET_ACCOUNT_ID);
        // Idempotent: a job that runs again after the account is gone has nothing left to do.
        steps.delete(((Number) execution.getVariable(ACCOUNT_ID)).longValue(), new DeletionSteps.Deletion(
                (String) execution.getVariable(REQUESTED_BY),
                Instant.parse((String) execution.getVariable(REQUESTED_AT)),
                (String) execution.getVariable(PRODUCTS_MOVED_BY),
                movedTo == null ? null : movedTo.longValue()));
    }
}
