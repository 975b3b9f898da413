package tmsp.account.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task of account-deletion: maps the process variables to one service call. */
@Component("deleteAccountTask")
class DeleteAccountTask implements JavaDelegate {

    private final AccountManagement management;

    DeleteAccountTask(AccountManagement management) {
        this.management = management;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long accountId = ((Number) execution.getVariable("accountId")).longValue();
        // Idempotent: a job that runs again after the account is gone has nothing left to do.
        if (management.find(accountId).isPresent()) {
            management.delete(accountId, (String) execution.getVariable("requestedBy"));
        }
    }
}
