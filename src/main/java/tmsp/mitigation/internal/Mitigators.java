package tmsp.mitigation.internal;

import org.springframework.stereotype.Component;
import tmsp.appliance.ApplianceApiRefusal;
import tmsp.appliance.ApplianceIdentity;
import tmsp.appliance.ProductTokens;
import tmsp.appliance.ProductType;

/** The mitigator behind a call's product token: 401 for a missing or bad token, 403 for anything but a mitigator. */
@Component
class Mitigators {

    private final ProductTokens tokens;

    Mitigators(ProductTokens tokens) {
        this.tokens = tokens;
    }

    ApplianceIdentity require(String authorization) {
        ApplianceIdentity product = tokens.require(authorization);
        if (product.type() != ProductType.MITIGATOR) {
            throw new ApplianceApiRefusal(403, "Only mitigators make this call");
        }
        return product;
    }

    /** The system log keeps at most this much of who acted (audit_events.actor). */
    static final int MAX_ACTOR = 64;

    /** Who a case's history names for a mitigator's step: its host name (shortened to what the system log keeps). */
    static String actor(ApplianceIdentity mitigator) {
        String host = mitigator.hostname();
        if (host == null || host.isBlank()) {
            return "product #" + mitigator.productId();
        }
        return host.length() <= MAX_ACTOR ? host : host.substring(0, MAX_ACTOR - 1) + "…";
    }
}
