package tmsp.account.internal;

import static tmsp.account.internal.DeletionProcess.ACCOUNT_ID;
import static tmsp.account.internal.DeletionProcess.ACCOUNT_NAME;
import static tmsp.account.internal.DeletionProcess.PRODUCTS_MOVED_BY;
import static tmsp.account.internal.DeletionProcess.TARGET_ACCOUNT_ID;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountProducts;
import tmsp.workflow.OpenTask;
import tmsp.workflow.TaskCompletion;
import tmsp.workflow.TaskForm;

/**
 * The task of an account's deletion that waits for its products to have another account: the administrator picks
 * one of the other accounts; the process then moves the products there and deletes the account.
 */
@Component
class MoveProductsForm implements TaskForm {

    /** An account the products may go to. */
    record Target(long id, String name) {
    }

    private final Accounts accounts;
    private final AccountProducts products;
    private final AccountDeletion deletion;

    MoveProductsForm(Accounts accounts, AccountProducts products, AccountDeletion deletion) {
        this.accounts = accounts;
        this.products = products;
        this.deletion = deletion;
    }

    @Override
    public String formKey() {
        return DeletionProcess.MOVE_PRODUCTS_FORM;
    }

    @Override
    public String fragment() {
        return "account/tasks :: move-products";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> model(OpenTask task) {
        long accountId = accountOf(task);
        List<Target> targets = targets(accountId);
        String name = accounts.findById(accountId).map(Account::getName)
                .orElse((String) task.variables().get(ACCOUNT_NAME)); // it may have been renamed since
        return Map.of("accountId", accountId, "accountName", name,
                "products", products.registeredTo(accountId), "targets", targets, "noOtherAccount", targets.isEmpty());
    }

    @Override
    @Transactional(readOnly = true)
    public TaskCompletion complete(OpenTask task, Map<String, String> fields, String user) {
        // The select is named as the variable it becomes.
        String chosen = fields.getOrDefault(TARGET_ACCOUNT_ID, "").strip();
        if (chosen.isEmpty()) {
            return TaskCompletion.invalid(TARGET_ACCOUNT_ID, "deletion.target.required");
        }
        long target;
        try {
            target = Long.parseLong(chosen);
        } catch (NumberFormatException notAnId) {
            return TaskCompletion.invalid(TARGET_ACCOUNT_ID, "deletion.target.unknown");
        }
        if (target == accountOf(task)) {
            return TaskCompletion.invalid(TARGET_ACCOUNT_ID, "deletion.target.same");
        }
        if (!accounts.existsById(target)) {
            return TaskCompletion.invalid(TARGET_ACCOUNT_ID, "deletion.target.unknown");
        }
        if (deletion.leaving().contains(target)) {
            return TaskCompletion.invalid(TARGET_ACCOUNT_ID, "deletion.target.leaving");
        }
        return TaskCompletion.complete(Map.of(TARGET_ACCOUNT_ID, target, PRODUCTS_MOVED_BY, user));
    }

    /** The other accounts, except those about to be deleted themselves. */
    private List<Target> targets(long accountId) {
        Set<Long> leaving = deletion.leaving();
        return accounts.findOtherNames(accountId).stream().filter(row -> !leaving.contains((Long) row[0]))
                .map(row -> new Target((Long) row[0], (String) row[1])).toList();
    }

    private static long accountOf(OpenTask task) {
        return ((Number) task.variables().get(ACCOUNT_ID)).longValue();
    }
}
