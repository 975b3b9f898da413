package tmsp.appliance.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tmsp.appliance.ApplianceDirectory;
import tmsp.appliance.ApplianceIdentity;

@Component
class ProductDirectory implements ApplianceDirectory {

    private final ProductIdentities identities;

    ProductDirectory(ProductIdentities identities) {
        this.identities = identities;
    }

    @Override
    public Optional<ApplianceIdentity> byGuid(String guid) {
        if (guid == null || guid.isBlank() || guid.length() > 64) {
            return Optional.empty();
        }
        return identities.byGuid(guid.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public Optional<ApplianceIdentity> bySyslogSource(String address) {
        List<ApplianceIdentity> found = identities.bySyslogSource(address);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
