package tmsp.appliance;

import java.util.List;

/** The mitigators registered to an account, as cleanup patterns are targeted at them. */
public interface AccountMitigators {

    /** The account's enabled MITIGATOR products, by host name. */
    List<Mitigator> enabledOf(long accountId);

    record Mitigator(long productId, String hostname) {
    }
}
