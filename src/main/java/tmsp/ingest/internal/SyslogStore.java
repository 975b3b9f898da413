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
 * ({@code deviceExternalId} / {@code deviceGUID}); what cannot be attributed, or cannot be read, or comes from a
 * disabled product, is quarantined with the reason and where it came from, never dropped.
 */
@Component
class SyslogStore {

    static final String UNKNOWN_APPLIANCE = "UNKNOWN_APPLIANCE";
    static final String NO_APPLIANCE_ID = "NO_APPLIANCE_ID";
    static final String PRODUCT_DISABLED = "PRODUCT_DISABLED";
    static final String STORE_REFUSED = "STORE_REFUSED";

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

    /** Quarantined lines that share product (or none) and origin. */
    private record QuarantineKey(ApplianceIdentity product, String origin) {
    }

    void store(List<SyslogMessage> batch) {
        Map<String, Optional<ApplianceIdentity>> byGuid = new HashMap<>();
        Map<Long, FromProduct> stored = new LinkedHashMap<>();
        Map<QuarantineKey, List<Quarantine.Line>> rejected = new LinkedHashMap<>();
        for (SyslogMessage message : batch) {
            if (message.outcome() instanceof ParseError error) {
                reject(rejected, null, message, error.code().name(), error.reason());
                continue;
            }
            Detection detection = (Detection) message.outcome();
            String guid = detection.deviceExternalId();
            if (guid == null || guid.isBlank()) {
                reject(rejected, null, message, NO_APPLIANCE_ID,
                        "The message names no appliance: it has no deviceExternalId (CEF) or deviceGUID (LEEF)");
                continue;
            }
            Optional<ApplianceIdentity> sender = byGuid.computeIfAbsent(guid.strip().toUpperCase(Locale.ROOT),
                    directory::byGuid);
            if (sender.isEmpty()) {
                reject(rejected, null, message, UNKNOWN_APPLIANCE,
                        "No registered product has the GUID " + Snippets.quote(guid));
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
