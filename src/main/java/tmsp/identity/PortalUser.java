package tmsp.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated person: what Spring Security keeps in the session. */
public record PortalUser(long id, String username, String passwordHash, boolean enabled,
                         Instant lockedUntil, Set<Role> roles, Long accountId) implements UserDetails {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A customer may only ever see the account it is the logon of. */
    public boolean mayView(long account) {
        return has(Role.ADMIN) || has(Role.ANALYST) || (accountId != null && accountId == account);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public String toString() {
        return "PortalUser[" + username + "]"; // never print the hash
    }
}
