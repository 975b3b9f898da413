package tmsp.identity;

/** How the account module manages the portal logon that belongs to an account. */
public interface CustomerLogons {

    boolean isTaken(String username, Long exceptAccountId);

    void create(long accountId, String username, String rawPassword);

    /** Renames the logon; a blank password keeps the current one. */
    void update(long accountId, String username, String rawPasswordOrBlank);

    String usernameOf(long accountId);

    void deleteFor(long accountId);
}
