package tmsp.account;

/** The little other modules need to know about an account. */
public record AccountSummary(long id, String name, String companyName) {
}
