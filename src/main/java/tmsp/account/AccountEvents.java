package tmsp.account;

import java.time.Instant;

/** What happens to accounts, published for the system log and for other modules. */
public final class AccountEvents {

    private AccountEvents() {
    }

    public record AccountCreated(String actor, long accountId, String name) {
    }

    public record AccountUpdated(String actor, long accountId, String name, String changes) {
    }

    /**
     * @param actor           who requested the deletion
     * @param requestedAt     when it was requested (the deletion may have waited for its products to be moved)
     * @param productsMovedBy who moved the account's products to another account, or null if it had none
     * @param productsMovedTo the account they went to, or null
     */
    public record AccountDeleted(String actor, long accountId, String name, Instant requestedAt,
                                 String productsMovedBy, Long productsMovedTo) {
    }

    public record ContactAdded(String actor, long accountId, String accountName, String email) {
    }

    public record ContactRemoved(String actor, long accountId, String accountName, String email) {
    }
}
