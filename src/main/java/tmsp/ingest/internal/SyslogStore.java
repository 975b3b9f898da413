package tmsp.ingest.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.appliance.ApplianceDirectory;
import tmsp.appliance.ApplianceIdentity;
import tmsp.ingest.Detection;
import tmsp.ingest.ParseError;

/**
 * Stores a batch of syslog messages in one transaction, exactly as uploads are stored: per sending product an
 * uploads row, its detections and its Last Received. A message is attributed by the GUID it carries
 * ({@code deviceExternalId} / {@code deviceGUID}) or, lacking one, by the address it came from where an
 * administrator configured a product's syslog source; what cannot be attributed, cannot be read, names a product
 * but comes from another address than the configured one, or comes from a disabled product, is quarantined with
 * the reason and where it came from, never dropped.
 */
@Component
class SyslogStore {

    static final String UNKNOWN_APPLIANCE = "UNKNOWN_APPLIANCE";
    static final String NO_APPLIANCE_ID = "NO_APPLIANCE_ID";
    static final String PRODUCT_DISABLED = "PRODUCT_DISABLED";
    static final String STORE_REFUSED = "STORE_REFUSED";
    static final String SOURCE_MISMATCH = "SOURCE_MISMATCH";

    private final ApplianceDirectory directory;
    private final UploadLedger ledger;
    private final DetectionSinks sinks;
    private final Quarantine quarantine;
    private final TransactionTemplate transaction;

    SyslogStore(ApplianceDirectory directory, UploadLedger ledger, DetectionSinks sinks, Quarantine quarantine,
                TransactionTemplate transaction) {
        this.directory = directory;
        this.ledger = ledger;
        this.sinks = sinks;
        this.quarantine = quarantine;
        this.transaction = transaction;
    }

    /** What one product sent in this batch. */
    private static final class FromProduct {
        final ApplianceIdentity product;
        final List<Detection> detections = new ArrayList<>();
        final Instant receivedAt;
        long bytes;

        FromProduct(ApplianceIdentity product, Instant receivedAt) {
            this.product = product;
            this.receivedAt = receivedAt;
        }
    }

    /** The products of one batch, looked up once per GUID and per source address. */
    private final class Senders {
        private final Map<String, Optional<ApplianceIdentity>> byGuid = new HashMap<>();
        private final Map<String, Optional<ApplianceIdentity>> bySource = new HashMap<>();

        Optional<ApplianceIdentity> byGuid(String guid) {
            return byGuid.computeIfAbsent(guid.strip().toUpperCase(Locale.ROOT), directory::byGuid);
        }

        Optional<ApplianceIdentity> bySource(String address) {
            return bySource.computeIfAbsent(address, directory::bySyslogSource);
        }
    }

    /** Quarantined lines that share product (or none) and origin. */
    private record QuarantineKey(ApplianceIdentity product, String origin) {
    }

    void store(List<SyslogMessage> batch) {
        Senders senders = new Senders();
        Map<Long, FromProduct> stored = new LinkedHashMap<>();
        Map<QuarantineKey, List<Quarantine.Line>> rejected = new LinkedHashMap<>();
        for (SyslogMessage message : batch) {
            Optional<ApplianceIdentity> bySource = senders.bySource(message.sourceAddress());
            if (message.outcome() instanceof ParseError error) {
                reject(rejected, bySource.orElse(null), message, error.code().name(), error.reason());
                continue;
            }
            Detection detection = (Detection) message.outcome();
            String guid = detection.deviceExternalId();
            Optional<ApplianceIdentity> sender = guid == null || guid.isBlank() ? bySource : senders.byGuid(guid);
            if (sender.isEmpty()) {
                reject(rejected, null, message, guid == null || guid.isBlank() ? NO_APPLIANCE_ID : UNKNOWN_APPLIANCE,
                        guid == null || guid.isBlank()
                                ? "The message names no appliance: it has no deviceExternalId (CEF) or deviceGUID (LEEF)"
                                : "No registered product has the GUID " + Snippets.quote(guid));
            } else if (!sender.get().sendsSyslogFrom(message.sourceAddress())) {
                reject(rejected, sender.get(), message, SOURCE_MISMATCH, "The message names this product but came from "
                        + message.sourceAddress() + "; its syslog is taken only from " + sender.get().syslogSource());
            } else if (!sender.get().enabled()) {
                reject(rejected, sender.get(), message, PRODUCT_DISABLED, "The product is disabled");
            } else {
                FromProduct from = stored.computeIfAbsent(sender.get().productId(),
                        id -> new FromProduct(sender.get(), message.receivedAt()));
                from.detections.add(detection);
                from.bytes += message.text().length();
            }
        }
        transaction.executeWithoutResult(status -> {
            stored.values().forEach(this::storeDetections);
            rejected.forEach((key, lines) -> keep(key, lines, batch.get(0).receivedAt()));
        });
    }

    /** The last resort for a message the database refused inside a batch: keep it with the database's reason. */
    void quarantineRefused(SyslogMessage message, String reason) {
        List<Quarantine.Line> line = List.of(new Quarantine.Line(null, STORE_REFUSED,
                "The database refused this message: " + Snippets.clip(String.valueOf(reason)), message.text()));
        transaction.executeWithoutResult(status ->
                quarantine.keep(null, null, null, message.origin(), line, message.receivedAt()));
    }

    private void storeDetections(FromProduct from) {
        UUID id = UUID.randomUUID();
        ApplianceIdentity product = from.product;
        ledger.open(id, product.productId(), product.accountId(), null, from.receivedAt, "syslog");
        long accepted;
        try (DetectionSink sink = sinks.open(new DetectionSink.Batch(id, product.accountId(), product.productId(),
                from.receivedAt))) {
            from.detections.forEach(sink::add);
            accepted = sink.finish();
        }
        Instant finished = Instant.now();
        ledger.close(id, product, finished, from.bytes, accepted, 0);
    }

    private void keep(QuarantineKey key, List<Quarantine.Line> lines, Instant receivedAt) {
        ApplianceIdentity product = key.product();
        quarantine.keep(null, product == null ? null : product.productId(), product == null ? null : product.accountId(),
                key.origin(), lines, receivedAt);
    }

    private static void reject(Map<QuarantineKey, List<Quarantine.Line>> rejected, ApplianceIdentity product,
                               SyslogMessage message, String code, String reason) {
        rejected.computeIfAbsent(new QuarantineKey(product, message.origin()), k -> new ArrayList<>())
                .add(new Quarantine.Line(null, code, reason, message.text()));
    }
}
