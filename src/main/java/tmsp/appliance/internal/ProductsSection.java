package tmsp.appliance.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import tmsp.account.AccountPageSection;

/** The "Registered products" part of the account page. */
@Component
class ProductsSection implements AccountPageSection {

    private final Products products;

    ProductsSection(Products products) {
        this.products = products;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String fragment() {
        return "appliance/products :: section";
    }

    @Override
    public Map<String, Object> model(long accountId) {
        return Map.of("products", products.findByAccountIdOrderByHostnameAsc(accountId));
    }
}
