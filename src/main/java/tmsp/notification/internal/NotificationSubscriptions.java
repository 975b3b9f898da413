package tmsp.notification.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountEvents.AccountDeleted;
import tmsp.account.AccountRecipients;
import tmsp.account.AccountRecipients.Recipient;
import tmsp.notification.NotificationEvents.NotificationSubscriptionsChanged;

/**
 * Who of an account's recipients gets which event type (Configure Notifications), kept by recipient key: a
 * contact who leaves the account stops matching and is not told any more.
 */
@Service
class NotificationSubscriptions {

    /** One tick of the table: this event type to this recipient. */
    record Subscription(NotificationEventType eventType, String recipientKey) {
    }

    private final JdbcTemplate jdbc;
    private final AccountRecipients recipients;
    private final ApplicationEventPublisher events;

    NotificationSubscriptions(JdbcTemplate jdbc, AccountRecipients recipients, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.events = events;
    }

    @Transactional(readOnly = true)
    Set<Subscription> of(long accountId) {
        return new HashSet<>(jdbc.query("select event_type, recipient_key from notification_subscriptions"
                        + " where account_id = ?",
                (rs, i) -> new Subscription(NotificationEventType.valueOf(rs.getString(1)), rs.getString(2)), accountId));
    }

    /** The account's recipients that get {@code type}, as the account lists them now. */
    @Transactional(readOnly = true)
    List<Recipient> recipientsOf(long accountId, NotificationEventType type) {
        Set<String> keys = new HashSet<>(jdbc.queryForList("select recipient_key from notification_subscriptions"
                + " where account_id = ? and event_type = ?", String.class, accountId, type.name()));
        return recipients.of(accountId).stream().filter(r -> keys.contains(r.key())).toList();
    }

    /** Replaces the account's subscriptions with {@code chosen} (keys the account does not have are dropped). */
    @Transactional
    void replace(long accountId, Set<Subscription> chosen, String actor) {
        Set<String> known = new HashSet<>(recipients.of(accountId).stream().map(Recipient::key).toList());
        List<Subscription> kept = new ArrayList<>(chosen.stream().filter(s -> known.contains(s.recipientKey()))
                .sorted(Comparator.comparing((Subscription s) -> s.eventType()).thenComparing(Subscription::recipientKey))
                .toList());
        jdbc.update("delete from notification_subscriptions where account_id = ?", accountId);
        for (Subscription s : kept) {
            jdbc.update("insert into notification_subscriptions (account_id, event_type, recipient_key) values (?, ?, ?)",
                    accountId, s.eventType().name(), s.recipientKey());
        }
        events.publishEvent(new NotificationSubscriptionsChanged(actor, accountId, kept.isEmpty() ? "nobody is notified"
                : String.join(", ", kept.stream().map(s -> s.eventType() + " to " + s.recipientKey()).toList())));
    }

    /** The account's notification settings go with it (its delivery log stays until log maintenance). */
    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        jdbc.update("delete from notification_subscriptions where account_id = ?", deleted.accountId());
        jdbc.update("delete from notification_states where account_id = ?", deleted.accountId());
    }
}
