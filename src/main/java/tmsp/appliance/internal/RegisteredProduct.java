package tmsp.appliance.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import tmsp.account.SecurityCompliance;
import tmsp.appliance.ProductType;

/** An appliance registered to an account. */
@Entity
@Table(name = "products")
class RegisteredProduct {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long accountId;
    @Enumerated(EnumType.STRING)
    private ProductType type;
    private String hostname;
    private String guid;
    private String version;
    private Instant registeredAt;
    private Instant lastReceived;
    private Instant lastHeartbeatAt;
    @Enumerated(EnumType.STRING)
    private SecurityCompliance securityCompliance;
    private boolean enabled = true;
    private String tokenHash;
    private Instant tokenIssuedAt;
    private String patternVersion;
    private boolean heartbeatOverdue;
    private String syslogSource;
    private LocalDate subscriptionExpires;

    protected RegisteredProduct() {
    }

    RegisteredProduct(long accountId, ProductType type, String hostname, String guid, String version) {
        this.accountId = accountId;
        this.type = type;
        this.hostname = hostname;
        this.guid = guid;
        this.version = version;
        this.registeredAt = Instant.now();
    }

    /** A new token replaces the old one, which stops working at once. */
    void issueToken(String hash, Instant now) {
        this.tokenHash = hash;
        this.tokenIssuedAt = now;
    }

    /** The appliance registered again (same GUID): it may have been reinstalled or upgraded. */
    void reregister(String hostname, String version) {
        this.hostname = hostname;
        this.version = version;
    }

    void heartbeat(Instant at, String version, String patternVersion, SecurityCompliance compliance,
                   LocalDate subscriptionExpires) {
        this.lastHeartbeatAt = at;
        if (subscriptionExpires != null) {
            this.subscriptionExpires = subscriptionExpires;
        }
        this.heartbeatOverdue = false;
        if (version != null) {
            this.version = version;
        }
        if (patternVersion != null) {
            this.patternVersion = patternVersion;
        }
        if (compliance != null) {
            this.securityCompliance = compliance;
        }
    }

    void markHeartbeatOverdue() {
        this.heartbeatOverdue = true;
    }

    void moveTo(long otherAccountId) {
        this.accountId = otherAccountId;
    }

    public Long getId() { return id; }
    public long getAccountId() { return accountId; }
    public ProductType getType() { return type; }
    public String getHostname() { return hostname; }
    public String getGuid() { return guid; }
    public String getVersion() { return version; }
    public Instant getRegisteredAt() { return registeredAt; }
    public Instant getLastReceived() { return lastReceived; }
    public Instant getLastHeartbeatAt() { return lastHeartbeatAt; }
    public SecurityCompliance getSecurityCompliance() { return securityCompliance; }
    public boolean isEnabled() { return enabled; }
    public Instant getTokenIssuedAt() { return tokenIssuedAt; }
    public String getPatternVersion() { return patternVersion; }
    public LocalDate getSubscriptionExpires() { return subscriptionExpires; }
    public boolean isHeartbeatOverdue() { return heartbeatOverdue; }

    /** @param address a normalised IP address, or null to take syslog from anywhere */
    void sendsSyslogFrom(String address) {
        this.syslogSource = address;
    }

    public String getSyslogSource() { return syslogSource; }
}
