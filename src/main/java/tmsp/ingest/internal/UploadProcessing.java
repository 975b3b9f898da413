package tmsp.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.appliance.ApplianceApiRefusal;
import tmsp.appliance.ApplianceIdentity;
import tmsp.ingest.Detection;
import tmsp.ingest.LineParser;
import tmsp.ingest.ParseError;
import tmsp.ingest.ParseOptions;
import tmsp.ingest.ParseOutcome;
import tmsp.ingest.UploadReceipt;

/**
 * One upload, all or nothing: its row, its detections (COPY on PostgreSQL), its quarantined lines and the
 * product's and account's Last Received commit in one transaction. A retry with the same Idempotency-Key
 * gets the first receipt and stores nothing again.
 */
@Service
class UploadProcessing {

    /** More bad lines than this and the upload is refused whole: it is probably not the format it claims. */
    static final int MAX_REJECTED = 10_000;

    private final UploadLedger ledger;
    private final Quarantine quarantine;
    private final TransactionTemplate transaction;
    private final DetectionSinks sinks;
    private final IngestLimits limits;
    private final LineParser parser;
    private final Semaphore running;

    UploadProcessing(UploadLedger ledger, Quarantine quarantine, TransactionTemplate transaction, DetectionSinks sinks,
                     IngestLimits limits) {
        this.ledger = ledger;
        this.quarantine = quarantine;
        this.transaction = transaction;
        this.sinks = sinks;
        this.limits = limits;
        this.parser = new LineParser(ParseOptions.defaults().withMaxLineLength(limits.maxLineLength()));
        this.running = new Semaphore(limits.maxConcurrentUploads());
    }

    UploadReceipt receive(ApplianceIdentity product, String contentType, boolean gzip, String idempotencyKey,
                          InputStream body) {
        Optional<UploadReceipt> earlier = idempotencyKey == null ? Optional.empty()
                : ledger.find(product.productId(), idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!running.tryAcquire()) {
            throw new ApplianceApiRefusal(503, "The portal is busy with other uploads; retry later",
                    limits.retryAfterSeconds());
        }
        try {
            return transaction.execute(status -> store(product, contentType, gzip, idempotencyKey, body));
        } catch (DuplicateKeyException sameKeyAtOnce) {
            return ledger.find(product.productId(), idempotencyKey).orElseThrow(() -> sameKeyAtOnce);
        } finally {
            running.release();
        }
    }

    private UploadReceipt store(ApplianceIdentity product, String contentType, boolean gzip, String key,
                                InputStream body) {
        UUID id = UUID.randomUUID();
        Instant received = Instant.now();
        ledger.open(id, product.productId(), product.accountId(), key, received, contentType);
        List<Quarantine.Line> rejected = new ArrayList<>();
        long accepted;
        CountingStream counted = new CountingStream(body);
        try (DetectionSink sink = sinks.open(new DetectionSink.Batch(id, product.accountId(), product.productId(), received))) {
            LineReader lines = new LineReader(UploadBody.lines(counted, gzip, limits), limits.maxLineLength());
            long number = 0;
            for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
                number++;
                if (line.text().isBlank() && !line.tooLong()) {
                    continue;
                }
                if (line.tooLong()) {
                    reject(rejected, new Quarantine.Line(number, "LINE_TOO_LONG",
                            "The line is longer than " + limits.maxLineLength() + " characters", line.text()));
                    continue;
                }
                ParseOutcome outcome = parser.parse(line.text());
                if (outcome instanceof Detection detection) {
                    sink.add(detection);
                } else if (outcome instanceof ParseError error) {
                    reject(rejected, new Quarantine.Line(number, error.code().name(), error.reason(), line.text()));
                }
            }
            accepted = sink.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant finished = Instant.now();
        quarantine.keep(id, product.productId(), product.accountId(), "upload", rejected, received);
        ledger.close(id, product, finished, counted.count(), accepted, rejected.size());
        return new UploadReceipt(id, (int) accepted, rejected.size(), false);
    }

    private static void reject(List<Quarantine.Line> rejected, Quarantine.Line line) {
        if (rejected.size() >= MAX_REJECTED) {
            throw ApplianceApiRefusal.badRequest("More than " + MAX_REJECTED
                    + " lines cannot be parsed; nothing was stored. Is the Content-Type right?");
        }
        rejected.add(line);
    }

    /** Counts the bytes the appliance sent, for the upload's record. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        long count() {
            return count;
        }
    }
}
