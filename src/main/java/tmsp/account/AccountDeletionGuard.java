package tmsp.account;

import java.util.Optional;

/**
 * Lets another module refuse an account's deletion without the account module depending on that module. The
 * deletion asks when it starts (a refusal answers 409 and starts nothing) and again just before it deletes.
 * Registered products do not refuse: the deletion moves them (see {@link AccountProducts}).
 */
public interface AccountDeletionGuard {

    /** @return the message key of the reason the account cannot be deleted, if any */
    Optional<String> objection(long accountId);
}
