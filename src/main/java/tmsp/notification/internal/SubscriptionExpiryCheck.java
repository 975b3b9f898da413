package tmsp.notification.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountSubscriptions;
import tmsp.account.AccountSubscriptions.Term;
import tmsp.appliance.ProductSubscriptions;

/**
 * Warns that a subscription ends, the account's service subscription or a registered product's own (as it
 * reports it in its heartbeats), at each configured warning day (30, 15, 10, 5, 3, 1 days before),
 * once per warning day: the day last warned of is kept with the end date (a renewed subscription starts over).
 * Runs daily; a check missed for a few days warns once, with the days actually left.
 */
@Service
class SubscriptionExpiryCheck {

    static final String SUBJECT = "subscription-expiry";
    static final String PRODUCT_SUBJECT = "product-subscription-expiry:";

    private final AccountSubscriptions subscriptions;
    private final ProductSubscriptions products;
    private final NotificationSettingsStore settings;
    private final NotificationStates states;
    private final NotificationOccurrences occurrences;
    private final ZoneId zone;

    SubscriptionExpiryCheck(AccountSubscriptions subscriptions, ProductSubscriptions products,
                            NotificationSettingsStore settings,
                            NotificationStates states, NotificationOccurrences occurrences,
                            @Value("${tmsp.time-zone}") ZoneId zone) {
        this.subscriptions = subscriptions;
        this.products = products;
        this.settings = settings;
        this.states = states;
        this.occurrences = occurrences;
        this.zone = zone;
    }

    @Scheduled(cron = "${tmsp.notification.expiry-check-cron:0 0 6 * * *}", zone = "${tmsp.time-zone}")
    public void daily() {
        check(LocalDate.now(zone));
    }

    /** @return how many warnings were raised */
    @Transactional
    public int check(LocalDate today) {
        List<Expiry> expiries = new ArrayList<>();
        for (Term term : subscriptions.withEndDate()) {
            expiries.add(new Expiry(term.accountId(), SUBJECT, term.validTo(),
                    NotificationEventType.SUBSCRIPTION_EXPIRING, Map.of()));
        }
        for (ProductSubscriptions.Term term : products.withEndDate()) {
            expiries.add(new Expiry(term.accountId(), PRODUCT_SUBJECT + term.productId(), term.validTo(),
                    NotificationEventType.PRODUCT_SUBSCRIPTION_EXPIRING, Map.of("hostname", term.hostname())));
        }
        var warningDays = settings.current().expiryWarningDays(); // descending
        int raised = 0;
        for (Expiry expiry : expiries) {
            if (warnIfDue(expiry, today, warningDays)) {
                raised++;
            }
        }
        return raised;
    }

    private boolean warnIfDue(Expiry expiry, LocalDate today, List<Integer> warningDays) {
        long left = ChronoUnit.DAYS.between(today, expiry.validTo());
        if (left < 0) {
            return false;
        }
        Integer due = null; // the smallest warning day not yet below the days left
        for (int day : warningDays) {
            if (left <= day) {
                due = day;
            }
        }
        if (due == null) {
            return false;
        }
        String state = expiry.validTo() + "/" + due;
        String last = states.get(expiry.accountId(), expiry.subject()).orElse("");
        if (state.equals(last) || alreadyWarnedCloser(last, expiry.validTo(), due)) {
            return false;
        }
        states.set(expiry.accountId(), expiry.subject(), state);
        Map<String, String> details = new LinkedHashMap<>(expiry.details());
        details.put("validTo", expiry.validTo().toString());
        details.put("daysLeft", String.valueOf(left));
        occurrences.raise(expiry.accountId(), expiry.type(),
                expiry.subject() + ":" + expiry.accountId() + ":" + state, details);
        return true;
    }

    /** One subscription's end: the account's service, or one registered product's own. */
    private record Expiry(long accountId, String subject, LocalDate validTo, NotificationEventType type,
                          Map<String, String> details) {
    }

    /** A warning for fewer days was given for the same end date (warning days changed meanwhile): not again. */
    private static boolean alreadyWarnedCloser(String last, LocalDate validTo, int due) {
        String prefix = validTo + "/";
        return last.startsWith(prefix) && Integer.parseInt(last.substring(prefix.length())) < due;
    }
}
