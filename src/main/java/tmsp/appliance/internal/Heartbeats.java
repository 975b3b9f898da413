package tmsp.appliance.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.appliance.ApplianceApiRefusal;
import tmsp.account.AccountActivity;
import tmsp.account.SecurityCompliance;
import tmsp.appliance.ApplianceEvents.HeartbeatOverdue;
import tmsp.appliance.HeartbeatInterval;
import tmsp.appliance.ApplianceIdentity;
import tmsp.appliance.ProductType;

/** Heartbeats keep a product's state current; silence past the interval is an event for notifications. */
@Service
class Heartbeats implements HeartbeatInterval {

    /**
     * What an appliance reports: {@code {securityCompliance, version, patternVersion, subscriptionExpires}}; all
     * optional. {@code subscriptionExpires} is the last day the product's own subscription is valid (ISO date).
     */
    record Heartbeat(Boolean securityCompliance, String version, String patternVersion, String subscriptionExpires) {

        /** The subscription's last day, or null when not reported; a bad one is refused with 400. */
        LocalDate subscriptionLastDay() {
            if (subscriptionExpires == null) {
                return null;
            }
            try {
                LocalDate day = LocalDate.parse(subscriptionExpires);
                if (day.getYear() >= 2000 && day.getYear() <= 2199) {
                    return day;
                }
            } catch (DateTimeParseException e) {
                // refused below, with what was expected
            }
            throw ApplianceApiRefusal.badRequest("subscriptionExpires must be a date such as 2027-06-30 (2000 to 2199)");
        }
    }

    private final Products products;
    private final AccountActivity accounts;
    private final ApplicationEventPublisher events;
    // set by the notification settings while the portal runs
    private volatile Duration interval;

    Heartbeats(Products products, AccountActivity accounts, ApplicationEventPublisher events,
               @Value("${tmsp.heartbeat.interval}") Duration interval) {
        this.products = products;
        this.accounts = accounts;
        this.events = events;
        this.interval = interval;
    }

    Duration interval() {
        return interval;
    }

    @Override
    public Duration current() {
        return interval;
    }

    @Override
    public void use(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("A heartbeat interval must be positive: " + interval);
        }
        this.interval = interval;
    }

    @Transactional
    void record(ApplianceIdentity appliance, Heartbeat heartbeat) {
        RegisteredProduct product = products.findById(appliance.productId())
                .orElseThrow(ApplianceApiRefusal::unauthorized);
        LocalDate subscriptionLastDay = heartbeat.subscriptionLastDay();
        SecurityCompliance compliance = heartbeat.securityCompliance() == null ? null
                : heartbeat.securityCompliance() ? SecurityCompliance.ENABLED : SecurityCompliance.DISABLED;
        product.heartbeat(Instant.now(), heartbeat.version(), heartbeat.patternVersion(), compliance,
                subscriptionLastDay);
        if (compliance != null && product.getType() == ProductType.DISCOVERY) {
            accounts.complianceReported(product.getAccountId(), compliance);
        }
    }

    /** Marks products silent for longer than the interval, once each, and says so. */
    @Scheduled(fixedDelayString = "${tmsp.heartbeat.check-every}", initialDelayString = "${tmsp.heartbeat.check-every}")
    @Transactional
    public void findOverdue() {
        for (RegisteredProduct product : products.findSilentSince(Instant.now().minus(interval))) {
            product.markHeartbeatOverdue();
            events.publishEvent(new HeartbeatOverdue(product.getId(), product.getAccountId(), product.getHostname(),
                    product.getLastHeartbeatAt()));
        }
    }
}
