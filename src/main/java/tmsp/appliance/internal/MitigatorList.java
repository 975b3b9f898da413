package tmsp.appliance.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.appliance.AccountMitigators;
import tmsp.appliance.ProductType;

/** An account's enabled mitigators, through the repository the product pages use. */
@Component
class MitigatorList implements AccountMitigators {

    private final Products products;

    MitigatorList(Products products) {
        this.products = products;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Mitigator> enabledOf(long accountId) {
        return products.findByAccountIdOrderByHostnameAsc(accountId).stream()
                .filter(p -> p.getType() == ProductType.MITIGATOR && p.isEnabled())
                .map(p -> new Mitigator(p.getId(), p.getHostname())).toList();
    }
}
