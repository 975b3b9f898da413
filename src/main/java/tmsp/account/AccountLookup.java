package tmsp.account;

import java.util.Optional;

/** Finds accounts for other modules without exposing the aggregate. */
public interface AccountLookup {

    Optional<AccountSummary> byId(long id);

    /** By name, ignoring case and surrounding spaces. */
    Optional<AccountSummary> byName(String name);
}
