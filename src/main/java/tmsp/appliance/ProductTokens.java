package tmsp.appliance;

import java.util.Optional;

/** Authenticates an appliance by the token it received at registration. */
public interface ProductTokens {

    /** @return the product, if the token is known (enabled or not: the caller tells 401 from 403) */
    Optional<ApplianceIdentity> authenticate(String bearerToken);

    boolean isEnabled(long productId);
}
