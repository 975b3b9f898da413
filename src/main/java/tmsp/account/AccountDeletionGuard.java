package tmsp.account;

import java.util.Optional;

/**
 * Lets another module refuse an account's deletion (for instance while products are still registered
 * to it) without the account module depending on that module.
 */
public interface AccountDeletionGuard {

    /** @return the message key of the reason the account cannot be deleted, if any */
    Optional<String> objection(long accountId);
}
