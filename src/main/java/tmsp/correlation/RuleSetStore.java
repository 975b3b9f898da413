package tmsp.correlation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule set versions in the database: the published one is what every node compiles. Version 1 is seeded from the
 * shipped files by the first node that finds the table empty; a node that loses that race reads the winner's.
 */
@Component
class RuleSetStore {

    /** A stored version: its files by name and its parameter values by {@code ruleId.parameter}. */
    record StoredVersion(long id, int number, Map<String, String> files, Map<String, String> overrides) {

        String label() {
            return "v" + number;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    RuleSetStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The id of the published version, or empty before the first: one small query, for polling. */
    Optional<Long> publishedId() {
        return jdbc.queryForList("select id from rule_set_versions where state = 'PUBLISHED' order by published_at desc",
                Long.class).stream().findFirst();
    }

    Optional<StoredVersion> published() {
        return publishedId().map(this::load);
    }

    /** The published version; on an empty table, {@code shipped} becomes version 1, published. */
    StoredVersion publishedOrSeed(Map<String, String> shipped, String comment) {
        return published().orElseGet(() -> {
            try {
                return load(transaction.execute(status -> insert(1, shipped, Map.of(), "tmsp", null, comment)));
            } catch (DuplicateKeyException anotherNodeSeededFirst) {
                return published().orElseThrow(() -> anotherNodeSeededFirst);
            }
        });
    }

    /**
     * Stores a new version and publishes it in one transaction: the version published before is superseded.
     * The caller has compiled it; the approval of a reviewed draft ends here.
     */
    StoredVersion publish(Map<String, String> files, Map<String, String> overrides, String author, String reviewer,
                          String comment) {
        long id = transaction.execute(status -> {
            // Serialises publications: the next number and the one PUBLISHED row are decided under this lock.
            jdbc.queryForList("select id from rule_set_versions where state = 'PUBLISHED' for update", Long.class);
            Integer last = jdbc.queryForObject("select max(number) from rule_set_versions", Integer.class);
            jdbc.update("update rule_set_versions set state = 'SUPERSEDED' where state = 'PUBLISHED'");
            return insert(last == null ? 1 : last + 1, files, overrides, author, reviewer, comment);
        });
        return load(id);
    }

    private long insert(int number, Map<String, String> files, Map<String, String> overrides, String author,
                        String reviewer, String comment) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into rule_set_versions (number, state, author, comment, reviewer, created_at, published_at)"
                + " values (?, 'PUBLISHED', ?, ?, ?, ?, ?)", number, author, comment, reviewer, now, now);
        long id = jdbc.queryForObject("select id from rule_set_versions where number = ?", Long.class, number);
        files.forEach((name, drl) -> jdbc.update(
                "insert into rule_set_files (version_id, file_name, drl) values (?, ?, ?)", id, name, drl));
        overrides.forEach((key, value) -> {
            int dot = key.lastIndexOf('.');
            jdbc.update("insert into rule_set_parameters (version_id, rule_id, param_name, param_value) values (?, ?, ?, ?)",
                    id, key.substring(0, dot), key.substring(dot + 1), value);
        });
        return id;
    }

    private StoredVersion load(long id) {
        int number = jdbc.queryForObject("select number from rule_set_versions where id = ?", Integer.class, id);
        Map<String, String> files = new TreeMap<>();
        jdbc.query("select file_name, drl from rule_set_files where version_id = ?",
                rs -> { files.put(rs.getString(1), rs.getString(2)); }, id);
        Map<String, String> overrides = new LinkedHashMap<>();
        jdbc.query("select rule_id, param_name, param_value from rule_set_parameters where version_id = ? order by rule_id, param_name",
                rs -> { overrides.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3)); }, id);
        return new StoredVersion(id, number, files, overrides);
    }
}
