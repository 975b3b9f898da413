package tmsp.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import tmsp.notification.Mailer;

/**
 * The {@link Mailer}: an HTML mail with its attachments through the mail server in use (Administration ›
 * Mail server), every attempt in the delivery log before the caller hears of it.
 */
@Service
class SmtpMailer implements Mailer {

    private final SmtpServerSettings settings;
    private final MailTransport transport;
    private final DeliveryRecorder recorder;

    SmtpMailer(SmtpServerSettings settings, MailTransport transport, DeliveryRecorder recorder) {
        this.settings = settings;
        this.transport = transport;
        this.recorder = recorder;
    }

    @Override
    public String send(OutgoingMail mail) {
        return send(mail, null);
    }

    /**
     * Sends and logs under {@code correlationKey} (what the mail is for, e.g. one notification occurrence), which
     * {@link DeliveryLog#deliveredRecipients} answers for when a job is retried.
     */
    String send(OutgoingMail mail, String correlationKey) {
        SmtpSettings server = settings.current();
        MailDelivery delivery = transport.send(server, session -> compose(session, server, mail));
        recorder.record(mail, correlationKey, delivery);
        if (!delivery.delivered()) {
            throw new MailNotDelivered(mail.recipient(), delivery.answer());
        }
        return delivery.answer();
    }

    private static MimeMessage compose(Session session, SmtpSettings server, OutgoingMail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            MimeMessageHelper helper = new MimeMessageHelper(message,
                    mail.attachments().isEmpty() ? MimeMessageHelper.MULTIPART_MODE_NO : MimeMessageHelper.MULTIPART_MODE_MIXED,
                    "UTF-8");
            helper.setFrom(new InternetAddress(server.sender(), true));
            helper.setTo(new InternetAddress(mail.recipient(), true));
            // a line break in a subject would start a header of its own
            helper.setSubject(mail.subject() == null ? "" : mail.subject().replaceAll("[\\r\\n]+", " "));
            helper.setText(mail.html() == null ? "" : mail.html(), true);
            for (Attachment attachment : mail.attachments()) {
                helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            return message;
        } catch (MessagingException | RuntimeException e) {
            throw new MailTransport.MailCompositionFailed("The mail could not be written: " + e.getMessage(), e);
        }
    }
}
