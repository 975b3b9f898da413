package tmsp.appliance.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountLookup;
import tmsp.appliance.ApplianceEvents.ProductMoved;
import tmsp.appliance.ApplianceEvents.ProductRemoved;
import tmsp.appliance.ApplianceEvents.ProductSyslogSourceSet;
import tmsp.identity.CurrentUser;

/** What administrators do with registered products: move one to another account, set its syslog source, remove it. */
@Service
@Transactional
class ProductAdministration {

    static class NoSuchProduct extends RuntimeException {
    }

    private final Products products;
    private final AccountLookup accounts;
    private final ApplicationEventPublisher events;

    ProductAdministration(Products products, AccountLookup accounts, ApplicationEventPublisher events) {
        this.products = products;
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional(readOnly = true)
    List<RegisteredProduct> of(long accountId) {
        return products.findByAccountIdOrderByHostnameAsc(accountId);
    }

    /** @return false if there is no other account of that name */
    boolean move(long accountId, long productId, String toAccountName) {
        RegisteredProduct product = owned(accountId, productId);
        Long toAccountId = accounts.byName(toAccountName).map(a -> a.id()).orElse(null);
        if (toAccountId == null || toAccountId == accountId) {
            return false;
        }
        product.moveTo(toAccountId);
        events.publishEvent(new ProductMoved(CurrentUser.name(), productId, product.getGuid(), accountId, toAccountId));
        return true;
    }

    void remove(long accountId, long productId) {
        RegisteredProduct product = owned(accountId, productId);
        products.delete(product);
        events.publishEvent(new ProductRemoved(CurrentUser.name(), productId, product.getGuid(), accountId));
    }

    /**
     * Sets (or, for a blank address, clears) the only address the product's syslog is taken from.
     * @return false if the address is not an IP address
     */
    boolean setSyslogSource(long accountId, long productId, String address) {
        RegisteredProduct product = owned(accountId, productId);
        String normalised = null;
        if (address != null && !address.isBlank()) {
            Optional<String> valid = SourceAddresses.normalise(address);
            if (valid.isEmpty()) {
                return false;
            }
            normalised = valid.get();
        }
        product.sendsSyslogFrom(normalised);
        events.publishEvent(new ProductSyslogSourceSet(CurrentUser.name(), productId, product.getGuid(), accountId,
                normalised));
        return true;
    }

    private RegisteredProduct owned(long accountId, long productId) {
        return products.findById(productId).filter(p -> p.getAccountId() == accountId)
                .orElseThrow(NoSuchProduct::new);
    }
}
