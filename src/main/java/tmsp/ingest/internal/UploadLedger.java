package tmsp.ingest.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tmsp.account.AccountActivity;
import tmsp.appliance.ApplianceIdentity;
import tmsp.appliance.ProductActivity;
import tmsp.ingest.DetectionsStored;
import tmsp.ingest.UploadReceipt;

/** The uploads table: one row per upload, its counts, and the Idempotency-Key that makes retries count once. */
@Component
class UploadLedger {

    private final JdbcTemplate jdbc;
    private final ProductActivity products;
    private final AccountActivity accounts;
    private final ApplicationEventPublisher events;

    UploadLedger(JdbcTemplate jdbc, ProductActivity products, AccountActivity accounts,
                 ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.products = products;
        this.accounts = accounts;
        this.events = events;
    }

    Optional<UploadReceipt> find(long productId, String idempotencyKey) {
        return jdbc.query("select id, accepted, rejected from uploads where product_id = ? and idempotency_key = ?",
                (rs, n) -> new UploadReceipt(rs.getObject("id", UUID.class), rs.getInt("accepted"), rs.getInt("rejected"), true),
                productId, idempotencyKey).stream().findFirst();
    }

    /** Claims the key first: a concurrent retry waits on it and then finds this upload. */
    void open(UUID id, long productId, long accountId, String idempotencyKey, Instant receivedAt, String contentType) {
        jdbc.update("insert into uploads (id, product_id, account_id, idempotency_key, received_at, finished_at, "
                        + "content_type, bytes, accepted, rejected) values (?, ?, ?, ?, ?, ?, ?, 0, 0, 0)",
                id, productId, accountId, idempotencyKey, Timestamp.from(receivedAt), Timestamp.from(receivedAt), contentType);
    }

    /**
     * Records the upload's counts, moves the product's and the account's Last Received with it and announces the
     * stored detections (for live correlation).
     */
    void close(UUID id, ApplianceIdentity product, Instant finishedAt, long bytes, long accepted, int rejected) {
        jdbc.update("update uploads set finished_at = ?, bytes = ?, accepted = ?, rejected = ? where id = ?",
                Timestamp.from(finishedAt), bytes, accepted, rejected, id);
        products.logsReceived(product.productId(), finishedAt);
        accounts.logsReceived(product.accountId(), finishedAt);
        if (accepted > 0) {
            events.publishEvent(new DetectionsStored(product.accountId(), product.productId(), id, accepted, finishedAt));
        }
    }
}
