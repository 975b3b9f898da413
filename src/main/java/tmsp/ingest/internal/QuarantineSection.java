package tmsp.ingest.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import tmsp.account.AccountPageSection;

/** The account page's "Quarantined lines" card: per product, how many lines could not be parsed. */
@Component
class QuarantineSection implements AccountPageSection {

    private final QuarantineView quarantine;

    QuarantineSection(QuarantineView quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public String fragment() {
        return "ingest/quarantine-card :: section";
    }

    @Override
    public Map<String, Object> model(long accountId) {
        return Map.of("counts", quarantine.countsFor(accountId), "accountId", accountId);
    }
}
