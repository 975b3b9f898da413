package tmsp.appliance.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.appliance.ApplianceDirectory;
import tmsp.appliance.ApplianceIdentity;

@Component
class ProductDirectory implements ApplianceDirectory {

    private final Products products;

    ProductDirectory(Products products) {
        this.products = products;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApplianceIdentity> byGuid(String guid) {
        if (guid == null || guid.isBlank() || guid.length() > 64) {
            return Optional.empty();
        }
        return products.findByGuid(guid.strip().toUpperCase(Locale.ROOT)).map(RegisteredProduct::identity);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApplianceIdentity> bySyslogSource(String address) {
        List<RegisteredProduct> found = products.findTop2BySyslogSource(address);
        return found.size() == 1 ? Optional.of(found.get(0).identity()) : Optional.empty();
    }
}
