package tmsp.appliance;

import java.time.Instant;

/** How ingestion tells a product that one of its uploads finished. */
public interface ProductActivity {

    /** Moves the product's Last Received forward (never back), in the caller's transaction. */
    void logsReceived(long productId, Instant finishedAt);
}
