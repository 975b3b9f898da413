package tmsp.appliance.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tmsp.account.AccountPageSection;

/** The "Registered products" part of the account page. */
@Component
class ProductsSection implements AccountPageSection {

    private final Products products;
    private final ZoneId zone;

    ProductsSection(Products products, @Value("${tmsp.time-zone}") ZoneId zone) {
        this.products = products;
        this.zone = zone;
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
        return Map.of("products", products.findByAccountIdOrderByHostnameAsc(accountId),
                "today", LocalDate.now(zone));
    }
}
