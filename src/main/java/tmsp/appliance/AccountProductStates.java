package tmsp.appliance;

import java.time.Instant;
import java.util.List;
import tmsp.account.SecurityCompliance;

/** The products of an account as reports show them: what they are and how they last reported. */
public interface AccountProductStates {

    /** By host name; empty for an account without products. */
    List<ProductState> of(long accountId);

    /**
     * @param lastHeartbeatAt null when the product never sent one
     * @param heartbeatOverdue silent past the heartbeat interval
     * @param securityCompliance null until a heartbeat said
     */
    record ProductState(String hostname, ProductType type, Instant lastHeartbeatAt, boolean heartbeatOverdue,
                        SecurityCompliance securityCompliance) {
    }
}
