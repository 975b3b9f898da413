package tmsp.notification.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountPageSection;

/** The account page's "Mail deliveries" card: the latest attempts and a link to the whole log. */
@Component
class DeliveriesSection implements AccountPageSection {

    private final DeliveryLog log;

    DeliveriesSection(DeliveryLog log) {
        this.log = log;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String fragment() {
        return "notification/deliveries-card :: section";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> model(long accountId) {
        return Map.of("accountId", accountId,
                "deliveries", log.findTop5ByAccountIdOrderByAttemptedAtDescIdDesc(accountId));
    }
}
