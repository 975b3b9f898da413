package tmsp.appliance;

import java.time.Instant;

/** What happens to registered products: for the system log and, later, notifications. */
public final class ApplianceEvents {

    private ApplianceEvents() {
    }

    public record ProductRegistered(long productId, long accountId, ProductType type, String hostname, String guid,
                                    boolean tokenRotated, String sourceAddress) {
    }

    public record ProductMoved(String actor, long productId, String guid, long fromAccountId, long toAccountId) {
    }

    public record ProductRemoved(String actor, long productId, String guid, long accountId) {
    }

    /** @param address the only address its syslog is taken from now, or null for any */
    public record ProductSyslogSourceSet(String actor, long productId, String guid, long accountId, String address) {
    }

    /** No heartbeat within the configured interval; published once per silence. */
    public record HeartbeatOverdue(long productId, long accountId, String hostname, Instant lastHeartbeat) {
    }
}
