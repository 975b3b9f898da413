package tmsp.notification.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tmsp.account.AccountRecipients.Recipient;
import tmsp.account.AccountSummary;
import tmsp.notification.Mailer.OutgoingMail;

/**
 * Writes a notification mail in the recipient's language (English when the portal has none of theirs), with a
 * link back to the portal: the incident for an outbreak, the case for a threat sample, else the account.
 */
@Component
class NotificationMail {

    static final String PURPOSE_PREFIX = "notification:";

    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final ObjectMapper json;
    private final String portalUrl;

    NotificationMail(MessageSource messages, ITemplateEngine templates, ObjectMapper json,
                     NotificationProperties properties) {
        this.messages = messages;
        this.templates = templates;
        this.json = json;
        this.portalUrl = properties.portalUrl().replaceAll("/+$", "");
    }

    OutgoingMail compose(AccountSummary account, NotificationEventType type, String detailsJson, Recipient recipient) {
        Locale locale = recipient.language() == null ? Locale.ENGLISH : Locale.forLanguageTag(recipient.language());
        Map<String, String> details = details(detailsJson);
        List<Object> args = new ArrayList<>();
        args.add(account.name());
        type.detailKeys().forEach(key -> args.add(details.getOrDefault(key, "")));
        String prefix = "notification.mail." + type.name();
        String subject = messages.getMessage(prefix + ".subject", args.toArray(), locale);
        Context context = new Context(locale);
        context.setVariable("greeting", messages.getMessage("notification.mail.greeting", new Object[] {recipient.name()}, locale));
        context.setVariable("subject", subject);
        context.setVariable("body", messages.getMessage(prefix + ".body", args.toArray(), locale));
        context.setVariable("linkText", messages.getMessage("notification.mail.link", null, locale));
        context.setVariable("link", link(account, type, details));
        context.setVariable("footer", messages.getMessage("notification.mail.footer", null, locale));
        return new OutgoingMail(account.id(), PURPOSE_PREFIX + type.name(), recipient.email(), subject,
                templates.process("notification/mail", context), List.of());
    }

    private String link(AccountSummary account, NotificationEventType type, Map<String, String> details) {
        String incident = details.get("incidentId");
        String mitigationCase = details.get("caseId");
        if (type == NotificationEventType.THREAT_SAMPLE_READY && mitigationCase != null && mitigationCase.matches("\\d+")) {
            return portalUrl + "/mitigation/cases/" + mitigationCase;
        }
        return type == NotificationEventType.OUTBREAK && incident != null && incident.matches("\\d+")
                ? portalUrl + "/incidents/" + incident : portalUrl + "/accounts/" + account.id();
    }

    private Map<String, String> details(String detailsJson) {
        try {
            return detailsJson == null ? Map.of() : json.readValue(detailsJson, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Notification details are not a JSON object of strings: " + detailsJson, e);
        }
    }
}
