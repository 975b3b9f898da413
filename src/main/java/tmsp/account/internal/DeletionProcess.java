package tmsp.account.internal;

/**
 * The names of {@code processes/account-deletion.bpmn}, shared by the starter, the delegates, the task form and the
 * process tests. Variables are primitives.
 */
final class DeletionProcess {

    static final String KEY = "account-deletion";
    static final String MOVE_PRODUCTS_TASK = "move-products";
    static final String MOVE_PRODUCTS_FORM = "account-deletion:move-products";

    /** The account to delete (long). */
    static final String ACCOUNT_ID = "accountId";
    /** Its name, for the task list and the system log once it is gone. */
    static final String ACCOUNT_NAME = "accountName";
    static final String REQUESTED_BY = "requestedBy";
    /** When the deletion was requested, an ISO instant. */
    static final String REQUESTED_AT = "requestedAt";
    /** Set by the check: whether products are still registered to the account (boolean). */
    static final String PRODUCTS_REGISTERED = "productsRegistered";
    /** Set by the check: whether no other account exists to move them to (boolean). */
    static final String ONLY_ACCOUNT = "onlyAccount";
    /** Set by the move-products task: the account the products go to (long). */
    static final String TARGET_ACCOUNT_ID = "targetAccountId";
    /** Set by the move-products task: the administrator who completed it. */
    static final String PRODUCTS_MOVED_BY = "productsMovedBy";

    private DeletionProcess() {
    }

    /** One deletion per account at a time: the business key finds it. */
    static String businessKey(long accountId) {
        return BUSINESS_KEY_PREFIX + accountId;
    }

    /** The account a deletion's business key names. */
    static long accountOf(String businessKey) {
        return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
    }

    private static final String BUSINESS_KEY_PREFIX = "account-";
}
