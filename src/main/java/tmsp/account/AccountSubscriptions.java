package tmsp.account;

import java.time.LocalDate;
import java.util.List;

/** How long each account's service subscription runs, for the warnings before it expires. */
public interface AccountSubscriptions {

    /** Every account whose subscription has an end date, with that date (the last day it is valid). */
    List<Term> withEndDate();

    record Term(long accountId, String accountName, LocalDate validTo) {
    }
}
