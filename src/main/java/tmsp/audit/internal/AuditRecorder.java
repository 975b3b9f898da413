package tmsp.audit.internal;

import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tmsp.account.AccountEvents;
import tmsp.correlation.RuleSetEvents;
import tmsp.correlation.SigmaMappingChanged;
import tmsp.appliance.ApplianceEvents;
import tmsp.identity.UserChanged;
import tmsp.incident.IncidentEvents;
import tmsp.maintenance.MaintenanceEvents;
import tmsp.mitigation.MitigationEvents;
import tmsp.notification.NotificationEvents;

/**
 * Writes the system log. Domain events are recorded in the transaction of the change they describe,
 * so a change and its log line commit or roll back together; logons get a transaction of their own.
 */
@Component
class AuditRecorder {

    private final AuditEvents events;

    AuditRecorder(AuditEvents events) {
        this.events = events;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AuthenticationSuccessEvent e) {
        record(e.getAuthentication().getName(), AuditAction.LOGON, e.getAuthentication().getName(), null,
                e.getAuthentication());
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AbstractAuthenticationFailureEvent e) {
        record(e.getAuthentication().getName(), AuditAction.LOGON_FAILED, e.getAuthentication().getName(),
                e.getException().getClass().getSimpleName().replace("Exception", ""), e.getAuthentication());
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(LogoutSuccessEvent e) {
        record(e.getAuthentication().getName(), AuditAction.LOGOFF, e.getAuthentication().getName(), null,
                e.getAuthentication());
    }

    @EventListener
    @Transactional
    public void on(AccountEvents.AccountCreated e) {
        record(e.actor(), AuditAction.ACCOUNT_CREATED, account(e.accountId(), e.name()), null, null);
    }

    @EventListener
    @Transactional
    public void on(AccountEvents.AccountUpdated e) {
        record(e.actor(), AuditAction.ACCOUNT_EDITED, account(e.accountId(), e.name()), e.changes(), null);
    }

    @EventListener
    @Transactional
    public void on(AccountEvents.AccountDeleted e) {
        String details = "requested " + e.requestedAt() + (e.productsMovedBy() == null ? ""
                : "; products moved to account #" + e.productsMovedTo() + " by " + e.productsMovedBy());
        record(e.actor(), AuditAction.ACCOUNT_DELETED, account(e.accountId(), e.name()), details, null);
    }

    @EventListener
    @Transactional
    public void on(AccountEvents.ContactAdded e) {
        record(e.actor(), AuditAction.CONTACT_ADDED, account(e.accountId(), e.accountName()), e.email(), null);
    }

    @EventListener
    @Transactional
    public void on(AccountEvents.ContactRemoved e) {
        record(e.actor(), AuditAction.CONTACT_REMOVED, account(e.accountId(), e.accountName()), e.email(), null);
    }

    @EventListener
    @Transactional
    public void on(UserChanged e) {
        record(e.actor(), AuditAction.USER_CHANGED, "user " + e.username(), e.change(), null);
    }

    @EventListener
    @Transactional
    public void on(ApplianceEvents.ProductRegistered e) {
        events.save(new AuditEvent(Instant.now(), "appliance " + e.guid(), AuditAction.PRODUCT_REGISTERED,
                "account #" + e.accountId(), e.type() + " " + e.hostname() + (e.tokenRotated() ? ", token rotated" : ""),
                e.sourceAddress()));
    }

    @EventListener
    @Transactional
    public void on(ApplianceEvents.ProductMoved e) {
        record(e.actor(), AuditAction.PRODUCT_MOVED, "product " + e.guid(),
                "from account #" + e.fromAccountId() + " to account #" + e.toAccountId(), null);
    }

    @EventListener
    @Transactional
    public void on(ApplianceEvents.ProductRemoved e) {
        record(e.actor(), AuditAction.PRODUCT_REMOVED, "product " + e.guid(), "from account #" + e.accountId(), null);
    }

    @EventListener
    @Transactional
    public void on(ApplianceEvents.ProductSyslogSourceSet e) {
        record(e.actor(), AuditAction.PRODUCT_SYSLOG_SOURCE_SET, "product " + e.guid(),
                e.address() == null ? "syslog from any address" : "syslog only from " + e.address(), null);
    }

    @EventListener
    @Transactional
    public void on(IncidentEvents.IncidentStatusChanged e) {
        AuditAction action = switch (e.to()) {
            case ACKNOWLEDGED -> AuditAction.INCIDENT_ACKNOWLEDGED;
            case RESOLVED -> AuditAction.INCIDENT_RESOLVED;
            case OPEN -> AuditAction.INCIDENT_REOPENED;
        };
        record(e.actor(), action, "incident #" + e.incidentId() + " of account #" + e.accountId(),
                abbreviate(e.title() + " (was " + e.from() + ")"), null);
    }

    @EventListener
    @Transactional
    public void on(NotificationEvents.SmtpServerChanged e) {
        record(e.actor(), AuditAction.SMTP_SERVER_CHANGED, "mail server " + e.host() + ":" + e.port(),
                e.security() + ", from " + e.sender() + (e.passwordChanged() ? ", password changed" : ""), null);
    }

    @EventListener
    @Transactional
    public void on(NotificationEvents.TestMailSent e) {
        record(e.actor(), AuditAction.TEST_MAIL_SENT, "mail to " + e.recipient(),
                abbreviate((e.delivered() ? "delivered: " : "failed: ") + e.answer()), null);
    }

    @EventListener
    @Transactional
    public void on(MaintenanceEvents.RetentionChanged e) {
        record(e.actor(), AuditAction.RETENTION_CHANGED, "retention of " + e.kind(),
                e.fromDays() + " days to " + e.toDays() + " days", null);
    }

    @EventListener
    @Transactional
    public void on(NotificationEvents.NotificationSettingsChanged e) {
        record(e.actor(), AuditAction.NOTIFICATION_SETTINGS_CHANGED, "notification settings", abbreviate(e.summary()), null);
    }

    @EventListener
    @Transactional
    public void on(MaintenanceEvents.PurgeScheduleChanged e) {
        record(e.actor(), AuditAction.PURGE_SCHEDULE_CHANGED, "purge schedule", e.fromCron() + " to " + e.toCron(), null);
    }

    @EventListener
    @Transactional
    public void on(MaintenanceEvents.PurgeFinished e) {
        record(e.actor(), AuditAction.PURGE_RUN, "purge #" + e.runId() + " (" + e.trigger().toLowerCase() + ")",
                abbreviate((e.failed() ? "failed in part: " : "") + e.summary()), null);
    }

    @EventListener
    @Transactional
    public void on(NotificationEvents.NotificationSubscriptionsChanged e) {
        record(e.actor(), AuditAction.NOTIFICATIONS_CONFIGURED, "notifications of account #" + e.accountId(),
                abbreviate(e.summary()), null);
    }

    @EventListener
    @Transactional
    public void on(RuleSetEvents.RuleSetChanged e) {
        record(e.actor(), AuditAction.RULE_SET, "rule set " + e.label(),
                abbreviate(e.step() + (e.details().isEmpty() ? "" : ": " + e.details())), null);
    }

    @EventListener
    @Transactional
    public void on(SigmaMappingChanged e) {
        record(e.actor(), AuditAction.SIGMA_MAPPING, "Sigma field " + e.sigmaField(), abbreviate(e.change()), null);
    }

    @EventListener
    @Transactional
    public void on(MitigationEvents.CaseStepTaken e) {
        String details = e.details() == null ? e.step().name() : e.step() + ": " + e.details();
        record(e.actor(), AuditAction.MITIGATION_CASE, "case #" + e.caseId() + " of account #" + e.accountId(),
                abbreviate(details), null);
    }

    private static String abbreviate(String details) {
        return details.length() <= 1000 ? details : details.substring(0, 999) + "…";
    }

    private static String account(long id, String name) {
        return "account " + name + " (#" + id + ")";
    }

    private static String currentRequestAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }

    private void record(String actor, AuditAction action, String target, String details, Authentication auth) {
        String source = auth != null && auth.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : currentRequestAddress();
        events.save(new AuditEvent(Instant.now(), actor, action, target, details, source));
    }
}
