package tmsp.account.internal;

import static tmsp.account.internal.DeletionProcess.ACCOUNT_ID;
import static tmsp.account.internal.DeletionProcess.PRODUCTS_MOVED_BY;
import static tmsp.account.internal.DeletionProcess.TARGET_ACCOUNT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task of account-deletion: moves the products to the account the administrator chose. */
@Component("moveProductsTask")
class MoveProductsTask implements JavaDelegate {

    private final DeletionSteps steps;

    MoveProductsTask(DeletionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Idempotent: run again, it finds no products left on the account.
        steps.moveProducts(((Number) execution.getVariable(ACCOUNT_ID)).longValue(),
                ((Number) execution.getVariable(TARGET_ACCOUNT_ID)).longValue(),
                (String) execution.getVariable(PRODUCTS_MOVED_BY));
    }
}
