package tmsp.appliance.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.appliance.ApplianceApiRefusal;
import tmsp.appliance.ApplianceEvents.ProductRegistered;
import tmsp.appliance.ApplianceIdentity;
import tmsp.appliance.ProductTokens;

/** Registers appliances to accounts and issues the tokens they authenticate with afterwards. */
@Service
class ProductRegistration implements ProductTokens {

    record Registered(long productId, String token, boolean tokenRotated) {
    }

    private final Products products;
    private final ProductIdentities identities;
    private final ApplicationEventPublisher events;

    ProductRegistration(Products products, ProductIdentities identities, ApplicationEventPublisher events) {
        this.products = products;
        this.identities = identities;
        this.events = events;
    }

    /**
     * A new GUID becomes a new product; a GUID the account already has gets a new token (the old one
     * stops working). A GUID registered to another account is a conflict: an administrator moves products.
     */
    @Transactional
    Registered register(long accountId, RegistrationRequest request, String sourceAddress) {
        request.validate();
        Optional<RegisteredProduct> existing = products.findByGuid(request.normalisedGuid());
        if (existing.isPresent() && existing.get().getAccountId() != accountId) {
            throw new ApplianceApiRefusal(409, "This GUID is registered to another account");
        }
        boolean rotated = existing.isPresent();
        RegisteredProduct product = existing.orElseGet(() -> new RegisteredProduct(accountId, request.productType(),
                request.hostname(), request.normalisedGuid(), request.version()));
        if (rotated) {
            product.reregister(request.hostname(), request.version());
        }
        String token = Tokens.newToken();
        product.issueToken(Tokens.hash(token), Instant.now());
        try {
            products.saveAndFlush(product);
        } catch (DataIntegrityViolationException raced) {
            throw new ApplianceApiRefusal(409, "This GUID was registered at the same moment; try again");
        }
        events.publishEvent(new ProductRegistered(product.getId(), accountId, product.getType(), product.getHostname(),
                product.getGuid(), rotated, sourceAddress));
        return new Registered(product.getId(), token, rotated);
    }

    @Override
    public Optional<ApplianceIdentity> authenticate(String bearerToken) {
        if (!Tokens.looksLikeToken(bearerToken)) {
            return Optional.empty();
        }
        return identities.byTokenHash(Tokens.hash(bearerToken));
    }
}
