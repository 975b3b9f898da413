package tmsp.appliance.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.appliance.AccountProductStates;

/** An account's products for reports, through the repository the product pages use. */
@Component
class ProductStateList implements AccountProductStates {

    private final Products products;

    ProductStateList(Products products) {
        this.products = products;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProductState> of(long accountId) {
        return products.findByAccountIdOrderByHostnameAsc(accountId).stream()
                .map(p -> new ProductState(p.getHostname(), p.getType(), p.getLastHeartbeatAt(), p.isHeartbeatOverdue(),
                        p.getSecurityCompliance()))
                .toList();
    }
}
