package tmsp.report.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import tmsp.account.AccountLookup;
import tmsp.account.AccountRecipients;
import tmsp.account.AccountRecipients.Recipient;
import tmsp.notification.Mailer;

/**
 * The steps of report-distribution.bpmn, each safe to run again: make a scheduled report (replacing it), plan the
 * mails of the night, send one mail (skipped when that recipient already has that report).
 */
@Service
class ReportDistribution {

    private static final Logger log = LoggerFactory.getLogger(ReportDistribution.class);

    private final ReportGeneration generation;
    private final StoredReports reports;
    private final RecipientSettings settings;
    private final AccountRecipients recipients;
    private final AccountLookup accounts;
    private final ReportDeliveries deliveries;
    private final ObjectProvider<Mailer> mailer;
    private final MessageSource messages;

    ReportDistribution(ReportGeneration generation, StoredReports reports, RecipientSettings settings,
                       AccountRecipients recipients, AccountLookup accounts, ReportDeliveries deliveries,
                       ObjectProvider<Mailer> mailer, MessageSource messages) {
        this.generation = generation;
        this.reports = reports;
        this.settings = settings;
        this.recipients = recipients;
        this.accounts = accounts;
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.messages = messages;
    }

    /** Makes the scheduled report of this type for the night after {@code day}; nothing for an account deleted since. */
    void generate(long accountId, LocalDate day, ReportType type) {
        if (accounts.byId(accountId).isEmpty()) {
            log.info("Account {} is gone: no {} report for {}", accountId, type, day);
            return;
        }
        generation.generate(accountId, ReportProcess.periodOf(type, day));
    }

    /** One entry per recipient and report type they receive among those made this night, recipients in list order. */
    List<String> plan(long accountId, LocalDate day) {
        Set<ReportType> made = ReportSchedule.dueAfter(day).stream().map(ReportPeriod::type).collect(Collectors.toSet());
        List<String> planned = new ArrayList<>();
        for (RecipientSettings.Setting setting : settings.of(accountId)) {
            for (ReportType type : ReportType.SCHEDULED) {
                if (made.contains(type) && setting.receives(type)) {
                    planned.add(ReportProcess.delivery(setting.recipientKey(), type));
                }
            }
        }
        return planned;
    }

    /**
     * Mails one report to one recipient with the PDF attached, unless they already have it.
     *
     * @throws Mailer.MailNotDelivered for the job to retry
     */
    void send(long accountId, LocalDate day, String delivery) {
        String[] parts = delivery.split("\\|", 2);
        String recipientKey = parts[0];
        ReportPeriod period = ReportProcess.periodOf(ReportType.valueOf(parts[1]), day);
        Optional<StoredReports.Stored> report = reports.find(accountId, period);
        Optional<Recipient> recipient = recipients.of(accountId).stream()
                .filter(r -> r.key().equals(recipientKey)).findFirst();
        if (report.isEmpty() || recipient.isEmpty()) {
            log.info("Nothing to send for {} of account {} on {}: report or recipient gone", delivery, accountId, day);
            return;
        }
        long reportId = report.get().id();
        if (deliveries.delivered(reportId, recipientKey)) {
            return; // a retried job: this recipient already has it
        }
        String accountName = accounts.byId(accountId).map(a -> a.name()).orElse("#" + accountId);
        mailer.getObject().send(mail(accountId, accountName, report.get(), recipient.get(), reports.pdf(reportId)));
        deliveries.record(reportId, recipientKey, Instant.now());
    }

    private Mailer.OutgoingMail mail(long accountId, String accountName, StoredReports.Stored report, Recipient to,
                                     byte[] pdf) {
        Locale locale = ReportLanguage.locale(to.language());
        ReportPeriod period = report.period();
        String type = messages.getMessage(period.type().messageKey(), null, locale);
        String range = period.days() == 1 ? period.start().toString() : period.start() + " \u2013 " + period.end();
        String subject = messages.getMessage("report.mail.subject", new Object[] {accountName, type, range}, locale);
        String body = messages.getMessage("report.mail.body", new Object[] {
                org.springframework.web.util.HtmlUtils.htmlEscape(to.name()), type,
                org.springframework.web.util.HtmlUtils.htmlEscape(accountName), range}, locale);
        return new Mailer.OutgoingMail(accountId, "report:" + period.type().name(), to.email(), subject, body,
                List.of(new Mailer.Attachment(period.fileName(accountName), "application/pdf", pdf)));
    }
}
