package tmsp.identity;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Guards every account-scoped URL: {@code @PreAuthorize("@accountAccess.mayView(authentication, #id)")}. */
@Component("accountAccess")
public class AccountAccess {

    public boolean mayView(Authentication authentication, Long accountId) {
        return accountId != null && authentication != null
                && authentication.getPrincipal() instanceof PortalUser user && user.mayView(accountId);
    }
}
