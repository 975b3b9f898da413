package tmsp.mitigation.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.mitigation.CaseStep;

/**
 * Cases, patterns and endpoint statuses written straight through the module's repositories, the file store and
 * JDBC, the way the mitigator API and the process would leave them (that API is not these tests' subject).
 */
class MitigationData {

    final MitigationCases cases;
    final CleanupPatterns patterns;
    final PatternDeployments deployments;
    final CaseJournal journal;
    final FileStore store;
    final JdbcTemplate jdbc;
    final TransactionTemplate tx;

    MitigationData(MitigationCases cases, CleanupPatterns patterns, PatternDeployments deployments,
                   CaseJournal journal, FileStore store, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.cases = cases;
        this.patterns = patterns;
        this.deployments = deployments;
        this.journal = journal;
        this.store = store;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Built from the test's context (not a bean: the shared test context stays as the application's). */
    static MitigationData of(ApplicationContext context) {
        return new MitigationData(context.getBean(MitigationCases.class), context.getBean(CleanupPatterns.class),
                context.getBean(PatternDeployments.class), context.getBean(CaseJournal.class),
                context.getBean(FileStore.class), context.getBean(JdbcTemplate.class),
                context.getBean(TransactionTemplate.class));
    }

    /** A registered mitigator of the account (a products row, as registration leaves it). */
    long mitigator(long accountId, String hostname) {
        jdbc.update("insert into products (account_id, type, hostname, guid, registered_at) values (?, 'MITIGATOR', ?, ?, now())",
                accountId, hostname, UUID.randomUUID().toString());
        return jdbc.queryForObject("select max(id) from products where account_id = ? and hostname = ?", Long.class,
                accountId, hostname);
    }

    /** A case whose sample (a small zip-like file with {@code content}) is in the store, received at {@code at}. */
    MitigationCase newCase(long accountId, long productId, String server, String ip, String host, String sampleName,
                           String content, Instant at) {
        StoredFile file = store.store(FileStore.Kind.SAMPLES,
                new ByteArrayInputStream(("PK\u0003\u0004" + content).getBytes(StandardCharsets.ISO_8859_1)), 1 << 20);
        return tx.execute(s -> {
            MitigationCase c = cases.save(new MitigationCase(accountId, productId, server, ip, host, sampleName, file, at));
            journal.record(c, server, CaseStep.SAMPLE_RECEIVED, sampleName);
            return c;
        });
    }

    /** Moves a case on to AWAITING_PATTERN with the vendor's case ID. */
    MitigationCase vendorCase(long caseId, String vendorCaseId, Instant at) {
        return tx.execute(s -> {
            MitigationCase c = cases.lockById(caseId).orElseThrow();
            c.sentToVendor(at);
            journal.record(c, "admin", CaseStep.SENT_TO_VENDOR, null);
            c.vendorCaseOpened(vendorCaseId, at);
            journal.record(c, "admin", CaseStep.VENDOR_CASE_OPENED, vendorCaseId);
            return c;
        });
    }

    /** A pattern for the case, released at {@code releasedAt} to the given mitigator (or only uploaded if null). */
    CleanupPattern pattern(MitigationCase c, String name, Instant releasedAt, Long targetProduct, String targetServer) {
        StoredFile file = store.store(FileStore.Kind.PATTERNS, new ByteArrayInputStream(new byte[] {1, 2, 3}), 1024);
        return tx.execute(s -> {
            MitigationCase locked = cases.lockById(c.id()).orElseThrow();
            locked.patternReceived(releasedAt == null ? Instant.now() : releasedAt);
            CleanupPattern p = patterns.save(new CleanupPattern(c.id(), c.accountId(), name, name + ".ptn", file,
                    "admin", Instant.now()));
            journal.record(locked, "admin", CaseStep.PATTERN_UPLOADED, name);
            if (releasedAt != null) {
                p.release("admin", releasedAt);
                locked.deploying(releasedAt);
                deployments.save(new PatternDeployment(p.id(), targetProduct, targetServer, p.revision()));
            }
            return p;
        });
    }

    /** The pattern's one target reported: success closes the case and marks the pattern deployed. */
    void reported(CleanupPattern p, long productId, boolean success, String detail) {
        tx.executeWithoutResult(s -> {
            PatternDeployment d = deployments.findById(new PatternDeployment.Key(p.id(), productId)).orElseThrow();
            d.fetched(Instant.now());
            d.reported(success, detail, Instant.now());
            MitigationCase c = cases.lockById(p.caseId()).orElseThrow();
            if (success) {
                patterns.lockById(p.id()).orElseThrow().deployed();
                c.closed(Instant.now());
            } else {
                c.deploymentFailed(Instant.now());
            }
        });
    }

    /** One endpoint status report row. */
    void status(long accountId, long productId, String ip, String host, String status, String threat, Instant at) {
        jdbc.update("insert into endpoint_statuses (account_id, product_id, ip, hostname, status, threat, reported_at,"
                + " received_at) values (?, ?, ?, ?, ?, ?, ?, now())", accountId, productId, ip, host, status, threat,
                Timestamp.from(at));
    }
}
