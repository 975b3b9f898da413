package tmsp.correlation;

import java.util.Objects;

/**
 * One plain fact per account and host a session has seen a detection of, inserted by {@link CorrelationSession}
 * just before that first detection. Per-host rules hang their accumulate on it, so each detection is matched
 * once per host instead of once per detection, and no rule has to create the anchors (which costs a join per
 * detection). Getters: DRL binds to bean properties.
 */
public final class HostSeen {

    private final long accountId;
    private final String host;

    public HostSeen(long accountId, String host) {
        this.accountId = accountId;
        this.host = Objects.requireNonNull(host, "host");
    }

    public long getAccountId() { return accountId; }
    public String getHost() { return host; }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostSeen h && h.accountId == accountId && h.host.equals(host);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId) * 31 + host.hashCode();
    }

    @Override
    public String toString() {
        return "HostSeen[" + accountId + " " + host + "]";
    }
}
