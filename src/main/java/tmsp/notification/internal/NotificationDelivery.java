package tmsp.notification.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import tmsp.account.AccountLookup;
import tmsp.account.AccountRecipients.Recipient;
import tmsp.account.AccountSummary;
import tmsp.notification.Mailer.MailNotDelivered;

/**
 * Mails one notification occurrence to every recipient subscribed to its event type, in each one's language.
 * Idempotent: recipients the delivery log already has for this occurrence are left out, so a retried job only
 * sends what did not go. Every recipient is tried before a failure is passed on (and the job retried).
 */
@Service
class NotificationDelivery {

    private final NotificationSubscriptions subscriptions;
    private final AccountLookup accounts;
    private final NotificationMail mail;
    private final SmtpMailer mailer;
    private final DeliveryLog log;

    NotificationDelivery(NotificationSubscriptions subscriptions, AccountLookup accounts, NotificationMail mail,
                         SmtpMailer mailer, DeliveryLog log) {
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.mail = mail;
        this.mailer = mailer;
        this.log = log;
    }

    /** @return how many mails went now */
    int deliver(String occurrenceKey, long accountId, NotificationEventType type, String detailsJson) {
        AccountSummary account = accounts.byId(accountId).orElse(null);
        if (account == null) {
            return 0; // deleted meanwhile: nobody left to tell
        }
        List<Recipient> recipients = subscriptions.recipientsOf(accountId, type);
        Set<String> already = new HashSet<>(log.deliveredRecipients(occurrenceKey));
        MailNotDelivered failure = null;
        int sent = 0;
        for (Recipient recipient : recipients) {
            if (already.contains(recipient.email())) {
                continue;
            }
            try {
                mailer.send(mail.compose(account, type, detailsJson, recipient), occurrenceKey);
                already.add(recipient.email());
                sent++;
            } catch (MailNotDelivered e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return sent;
    }
}
