package tmsp.appliance.internal;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.appliance.ProductSubscriptions;

@Service
class ProductSubscriptionTerms implements ProductSubscriptions {

    private final Products products;

    ProductSubscriptionTerms(Products products) {
        this.products = products;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Term> withEndDate() {
        return products.findByEnabledTrueAndSubscriptionExpiresIsNotNull().stream()
                .map(p -> new Term(p.getId(), p.getAccountId(), p.getType(), p.getHostname(), p.getSubscriptionExpires()))
                .toList();
    }
}
