package tmsp.account.internal;

import static tmsp.account.internal.DeletionProcess.ACCOUNT_ID;
import static tmsp.account.internal.DeletionProcess.ONLY_ACCOUNT;
import static tmsp.account.internal.DeletionProcess.PRODUCTS_REGISTERED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task of account-deletion: is anything in the way (products to move, an objection)? Reads only. */
@Component("checkAccountDeletionTask")
class CheckDeletionTask implements JavaDelegate {

    private final DeletionSteps steps;

    CheckDeletionTask(DeletionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeletionSteps.Situation situation = steps.check(((Number) execution.getVariable(ACCOUNT_ID)).longValue());
        execution.setVariable(PRODUCTS_REGISTERED, situation.productsRegistered());
        execution.setVariable(ONLY_ACCOUNT, situation.onlyAccount());
    }
}
