package tmsp.account.internal;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.identity.CurrentUser;

/**
 * Deleting an account is a BPMN process ({@code processes/account-deletion.bpmn}), so that later
 * steps (approval, re-registering products, notifying) are added to the model, not to the code.
 */
@Service
class AccountDeletion {

    static final String PROCESS = "account-deletion";

    private final RuntimeService runtime;
    private final AccountManagement management;

    AccountDeletion(RuntimeService runtime, AccountManagement management) {
        this.runtime = runtime;
        this.management = management;
    }

    /** Runs the process; its service task deletes in this same transaction, so a refusal undoes it all. */
    @Transactional
    void request(long accountId) {
        management.get(accountId);
        try {
            runtime.startProcessInstanceByKey(PROCESS, "account-" + accountId,
                    Map.of("accountId", accountId, "requestedBy", CurrentUser.name()));
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccountRejected || t instanceof AccountNotFound) {
                return (RuntimeException) t;
            }
        }
        return e;
    }
}
