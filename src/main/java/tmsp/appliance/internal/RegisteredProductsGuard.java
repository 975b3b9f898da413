package tmsp.appliance.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import tmsp.account.AccountDeletionGuard;

/** An account with registered products cannot go: its products must be moved to another account first. */
@Component
class RegisteredProductsGuard implements AccountDeletionGuard {

    private final Products products;

    RegisteredProductsGuard(Products products) {
        this.products = products;
    }

    @Override
    public Optional<String> objection(long accountId) {
        return products.countByAccountId(accountId) > 0 ? Optional.of("accounts.deleteHasProducts") : Optional.empty();
    }
}
