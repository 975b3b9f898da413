package tmsp.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds accounts for other modules without exposing the aggregate. */
public interface AccountLookup {

    Optional<AccountSummary> byId(long id);

    /** By name, ignoring case and surrounding spaces. */
    Optional<AccountSummary> byName(String name);

    /** Every account's id, ascending: what the nightly correlation queues a run for. */
    List<Long> allIds();

    /** The names of those of {@code ids} that exist, by id: one query for a page of rows naming accounts. */
    Map<Long, String> namesOf(Collection<Long> ids);
}
