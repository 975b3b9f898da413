package tmsp.account;

import java.util.List;

/**
 * The registered products of an account, as deleting the account moves or removes them. The module that registers
 * products implements it (as it implements {@link AccountPageSection}): that module already depends on this one,
 * so this one cannot call it directly without a cycle.
 */
public interface AccountProducts {

    /** @param type the kind of appliance, e.g. {@code DISCOVERY} */
    record Product(long id, String type, String hostname, String guid) {
    }

    /** The account's products, by host name. */
    List<Product> registeredTo(long accountId);

    /**
     * Moves every product of one account to another, each move in the system log under {@code actor}.
     * Run again, it finds nothing left to move.
     * @return how many products moved
     * @throws IllegalArgumentException if the target account does not exist or is the same account
     */
    int moveAll(long fromAccountId, long toAccountId, String actor);

    /**
     * Removes the account's products; their tokens stop working at once. Run again, it finds nothing to remove.
     * @return how many products were removed
     */
    int removeAll(long accountId, String actor);
}
