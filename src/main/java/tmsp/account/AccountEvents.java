package tmsp.account;

/** What happens to accounts, published for the system log and for other modules. */
public final class AccountEvents {

    private AccountEvents() {
    }

    public record AccountCreated(String actor, long accountId, String name) {
    }

    public record AccountUpdated(String actor, long accountId, String name, String changes) {
    }

    public record AccountDeleted(String actor, long accountId, String name) {
    }

    public record ContactAdded(String actor, long accountId, String accountName, String email) {
    }

    public record ContactRemoved(String actor, long accountId, String accountName, String email) {
    }
}
