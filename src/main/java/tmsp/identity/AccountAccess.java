package tmsp.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Guards every account-scoped URL: {@code @PreAuthorize("@accountAccess.mayView(authentication, #id)")}. */
@Component("accountAccess")
public class AccountAccess {

    public boolean mayView(Authentication authentication, Long accountId) {
        if (accountId == null || authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        boolean staff = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.ADMIN.authority()) || a.equals(Role.ANALYST.authority()));
        return staff || authentication.getPrincipal() instanceof PortalUser user && user.mayView(accountId);
    }
}
