package tmsp.notification.internal;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tmsp.notification.NotificationEvents.TestMailSent;

/** A test mail through the mail server in use, so an administrator sees the server's own answer. */
@Component
class TestMail {

    private final SmtpServerSettings settings;
    private final MailTransport transport;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    TestMail(SmtpServerSettings settings, MailTransport transport, MessageSource messages,
             ApplicationEventPublisher events) {
        this.settings = settings;
        this.transport = transport;
        this.messages = messages;
        this.events = events;
    }

    MailDelivery send(String recipient, Locale locale, String actor) {
        SmtpSettings current = settings.current();
        MailDelivery delivery = transport.send(current, session -> compose(session, current, recipient, locale, actor));
        events.publishEvent(new TestMailSent(actor, recipient, delivery.delivered(), delivery.answer()));
        return delivery;
    }

    private MimeMessage compose(Session session, SmtpSettings server, String recipient, Locale locale, String actor) {
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(server.sender(), true));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
            mail.setSubject(messages.getMessage("mail.test.subject", null, locale), "UTF-8");
            mail.setText(messages.getMessage("mail.test.body",
                    new Object[] {actor, server.host() + ":" + server.port(), Instant.now().toString()}, locale), "UTF-8");
            return mail;
        } catch (MessagingException e) {
            throw new MailTransport.MailCompositionFailed("The test mail could not be written: " + e.getMessage(), e);
        }
    }
}
