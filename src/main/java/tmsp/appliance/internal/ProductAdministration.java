package tmsp.appliance.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountLookup;
import tmsp.account.AccountProducts;
import tmsp.appliance.ApplianceEvents.ProductMoved;
import tmsp.appliance.ApplianceEvents.ProductRemoved;
import tmsp.appliance.ApplianceEvents.ProductSyslogSourceSet;
import tmsp.identity.CurrentUser;

/**
 * What administrators do with registered products: move one to another account, set its syslog source, remove it;
 * and, when an account is deleted, move or remove all of its products.
 */
@Service
@Transactional
class ProductAdministration implements AccountProducts {

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
        moveTo(product, toAccountId, CurrentUser.name());
        return true;
    }

    void remove(long accountId, long productId) {
        remove(owned(accountId, productId), CurrentUser.name());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Product> registeredTo(long accountId) {
        return of(accountId).stream()
                .map(p -> new Product(p.getId(), p.getType().name(), p.getHostname(), p.getGuid())).toList();
    }

    @Override
    public int moveAll(long fromAccountId, long toAccountId, String actor) {
        if (toAccountId == fromAccountId || accounts.byId(toAccountId).isEmpty()) {
            throw new IllegalArgumentException("No other account #" + toAccountId + " to move products to");
        }
        List<RegisteredProduct> moving = of(fromAccountId);
        moving.forEach(product -> moveTo(product, toAccountId, actor));
        return moving.size();
    }

    @Override
    public int removeAll(long accountId, String actor) {
        List<RegisteredProduct> removing = of(accountId);
        removing.forEach(product -> remove(product, actor));
        return removing.size();
    }

    private void moveTo(RegisteredProduct product, long toAccountId, String actor) {
        long fromAccountId = product.getAccountId();
        product.moveTo(toAccountId);
        events.publishEvent(new ProductMoved(actor, product.getId(), product.getGuid(), fromAccountId, toAccountId));
    }

    private void remove(RegisteredProduct product, String actor) {
        products.delete(product);
        events.publishEvent(new ProductRemoved(actor, product.getId(), product.getGuid(), product.getAccountId()));
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
