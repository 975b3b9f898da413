package tmsp.notification.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountSubscriptions;
import tmsp.account.AccountSubscriptions.Term;

/**
 * Warns that a service subscription ends, at each configured warning day (30, 15, 10, 5, 3, 1 days before),
 * once per warning day: the day last warned of is kept with the end date (a renewed subscription starts over).
 * Runs daily; a check missed for a few days warns once, with the days actually left.
 */
@Service
class SubscriptionExpiryCheck {

    static final String SUBJECT = "subscription-expiry";

    private final AccountSubscriptions subscriptions;
    private final NotificationSettingsStore settings;
    private final NotificationStates states;
    private final NotificationOccurrences occurrences;
    private final ZoneId zone;

    SubscriptionExpiryCheck(AccountSubscriptions subscriptions, NotificationSettingsStore settings,
                            NotificationStates states, NotificationOccurrences occurrences,
                            @Value("${tmsp.time-zone}") ZoneId zone) {
        this.subscriptions = subscriptions;
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
        var warningDays = settings.current().expiryWarningDays(); // descending
        int raised = 0;
        for (Term term : subscriptions.withEndDate()) {
            long left = ChronoUnit.DAYS.between(today, term.validTo());
            if (left < 0) {
                continue;
            }
            Integer due = null; // the smallest warning day not yet below the days left
            for (int day : warningDays) {
                if (left <= day) {
                    due = day;
                }
            }
            if (due == null) {
                continue;
            }
            String state = term.validTo() + "/" + due;
            String last = states.get(term.accountId(), SUBJECT).orElse("");
            if (state.equals(last) || alreadyWarnedCloser(last, term.validTo(), due)) {
                continue;
            }
            states.set(term.accountId(), SUBJECT, state);
            occurrences.raise(term.accountId(), NotificationEventType.SUBSCRIPTION_EXPIRING,
                    "subscription-expiry:" + term.accountId() + ":" + state,
                    Map.of("validTo", term.validTo().toString(), "daysLeft", String.valueOf(left)));
            raised++;
        }
        return raised;
    }

    /** A warning for fewer days was given for the same end date (warning days changed meanwhile): not again. */
    private static boolean alreadyWarnedCloser(String last, LocalDate validTo, int due) {
        String prefix = validTo + "/";
        return last.startsWith(prefix) && Integer.parseInt(last.substring(prefix.length())) < due;
    }
}
