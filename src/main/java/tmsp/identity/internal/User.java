package tmsp.identity.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import tmsp.identity.PortalUser;
import tmsp.identity.Role;

/** A person who logs on to the portal. Usernames are kept in lower case: logons ignore case. */
@Entity
@Table(name = "users")
class User {

    /** Failures tolerated before each further one makes the user wait. */
    static final int FREE_FAILURES = 3;
    /** From this many failures on the user is locked for {@link #LOCK_DURATION}. */
    static final int LOCK_AFTER = 8;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;
    private String passwordHash;
    private String displayName;
    private String email;
    private boolean enabled = true;
    private Long accountId;
    private int failedLogons;
    private Instant lockedUntil;
    private Instant lastLogonAt;
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected User() {
    }

    User(String username, String passwordHash, Set<Role> roles, Long accountId) {
        this.username = normalise(username);
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.accountId = accountId;
        this.createdAt = Instant.now();
    }

    static String normalise(String username) {
        return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    }

    PortalUser toPrincipal() {
        return new PortalUser(id, username, passwordHash, enabled, lockedUntil, Set.copyOf(roles), accountId);
    }

    /** A failed logon: after a few, each failure makes the user wait longer; then a long lock. */
    void logonFailed(Instant now) {
        failedLogons++;
        if (failedLogons >= LOCK_AFTER) {
            lockedUntil = now.plus(LOCK_DURATION);
        } else if (failedLogons > FREE_FAILURES) {
            lockedUntil = now.plusSeconds(1L << (failedLogons - FREE_FAILURES));
        }
    }

    void logonSucceeded(Instant now) {
        failedLogons = 0;
        lockedUntil = null;
        lastLogonAt = now;
    }

    void rename(String newUsername) {
        this.username = normalise(newUsername);
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
        unlock();
    }

    void unlock() {
        this.failedLogons = 0;
        this.lockedUntil = null;
    }

    void describe(String displayName, String email) {
        this.displayName = blankToNull(displayName);
        this.email = blankToNull(email);
    }

    void assignRoles(Set<Role> newRoles) {
        this.roles.clear();
        this.roles.addAll(newRoles);
    }

    void enable() {
        this.enabled = true;
    }

    void disable() {
        this.enabled = false;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public boolean isEnabled() { return enabled; }
    public Long getAccountId() { return accountId; }
    public int getFailedLogons() { return failedLogons; }
    public Instant getLockedUntil() { return lockedUntil; }
    public Instant getLastLogonAt() { return lastLogonAt; }
    public Set<Role> getRoles() { return roles; }
}
