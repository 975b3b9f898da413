package tmsp.appliance;

import java.time.LocalDate;
import java.util.List;

/** How long each registered product's own subscription runs, as it reports it, for the warnings before it ends. */
public interface ProductSubscriptions {

    /** Every enabled product that reported the last day of its subscription, with that day. */
    List<Term> withEndDate();

    record Term(long productId, long accountId, ProductType type, String hostname, LocalDate validTo) {
    }
}
