package tmsp.appliance;

import java.util.Optional;

/** Authenticates an appliance by the token it received at registration. */
public interface ProductTokens {

    /** @return the product, if the token is known (enabled or not: the caller tells 401 from 403) */
    Optional<ApplianceIdentity> authenticate(String bearerToken);

    /**
     * The product behind an {@code Authorization: Bearer} header.
     * @throws ApplianceApiRefusal 401 for a missing, unknown or rotated token, 403 for a disabled product
     */
    default ApplianceIdentity require(String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        ApplianceIdentity appliance = authenticate(token).orElseThrow(ApplianceApiRefusal::unauthorized);
        if (!appliance.enabled()) {
            throw new ApplianceApiRefusal(403, "This product is disabled");
        }
        return appliance;
    }
}
