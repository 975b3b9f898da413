package tmsp.notification.internal;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tmsp.notification.Mailer.OutgoingMail;

/**
 * Writes an attempt to the delivery log in a transaction of its own: the caller's transaction (a BPMN job)
 * rolls back when a mail fails, and the log must keep that attempt, and the ones that went before it.
 */
@Component
class DeliveryRecorder {

    private final DeliveryLog log;

    DeliveryRecorder(DeliveryLog log) {
        this.log = log;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(OutgoingMail mail, String correlationKey, MailDelivery delivery) {
        log.save(new DeliveryLogEntry(mail.accountId(), mail.purpose(), correlationKey, mail.recipient(),
                mail.subject(), Instant.now(), delivery.delivered(), delivery.answer()));
    }
}
