package tmsp.identity;

/** What a person may do in the portal. */
public enum Role {
    ADMIN, ANALYST, CUSTOMER;

    public String authority() {
        return "ROLE_" + name();
    }
}
