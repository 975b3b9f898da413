package tmsp.correlation.authoring;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tmsp.correlation.RuleException;

/**
 * Rule set versions in the database: the published one is what every node compiles, drafts are versions not
 * published yet. Version 1 is seeded from the shipped files by the first node that finds the table empty; a node
 * that loses that race reads the winner's. Plain storage: {@link RuleDrafts} decides what may change when.
 */
@Component
public class RuleSetStore {

    /** A stored version: its files by name, its parameter values by {@code ruleId.parameter}, its exceptions. */
    public record StoredVersion(long id, Integer number, Map<String, String> files, Map<String, String> overrides,
                                List<RuleException> exceptions) {

        public String label() {
            return number == null ? "draft #" + id : "v" + number;
        }
    }

    private static final String ROW = "select id, number, state, title, author, base_version_id, created_at,"
            + " updated_at, comment, reviewer, review_comment, published_at, review_process_id from rule_set_versions";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    RuleSetStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The id of the published version, or empty before the first: one small query, for polling. */
    public Optional<Long> publishedId() {
        return jdbc.queryForList("select id from rule_set_versions where state = 'PUBLISHED' order by published_at desc",
                Long.class).stream().findFirst();
    }

    /** The versions in review now: what every node compiles ahead of their publication. */
    List<Long> idsInReview() {
        return jdbc.queryForList("select id from rule_set_versions where state = 'IN_REVIEW'", Long.class);
    }

    public Optional<StoredVersion> published() {
        return publishedId().map(this::load);
    }

    /** The published version; on an empty table, {@code shipped} becomes version 1, published. */
    public StoredVersion publishedOrSeed(Map<String, String> shipped, String comment) {
        return published().orElseGet(() -> {
            try {
                return load(transaction.execute(status -> {
                    long id = insertRow(1, "PUBLISHED", "tmsp", null, null, comment, "tmsp", true);
                    writeContent(id, shipped, Map.of(), List.of());
                    return id;
                }));
            } catch (DuplicateKeyException anotherNodeSeededFirst) {
                return published().orElseThrow(() -> anotherNodeSeededFirst);
            }
        });
    }

    /**
     * Stores a new version and publishes it in one transaction: the version published before is superseded.
     * The caller has compiled it. For tools and tests; drafts are published with {@link #publishDraft}.
     */
    public StoredVersion publish(Map<String, String> files, Map<String, String> overrides, String author,
                                 String reviewer, String comment) {
        long id = transaction.execute(status -> {
            int number = lockPublicationAndNextNumber();
            long row = insertRow(number, "PUBLISHED", author, null, null, comment, reviewer, true);
            writeContent(row, files, overrides, List.of());
            return row;
        });
        return load(id);
    }

    /**
     * Publishes a reviewed draft in one transaction: it gets the next number, the version published before is
     * superseded. The caller has compiled it.
     */
    void publishDraft(long id, String reviewer, String reviewComment) {
        transaction.executeWithoutResult(status -> {
            int number = lockPublicationAndNextNumber();
            Timestamp now = Timestamp.from(Instant.now());
            int updated = jdbc.update("update rule_set_versions set number = ?, state = 'PUBLISHED', reviewer = ?,"
                    + " review_comment = ?, published_at = ?, updated_at = ? where id = ? and state = 'IN_REVIEW'",
                    number, reviewer, reviewComment, now, now, id);
            if (updated != 1) {
                throw new IllegalStateException("draft #" + id + " is no longer in review");
            }
        });
    }

    /** Supersedes the published version and answers the next number, under a lock that serialises publications. */
    private int lockPublicationAndNextNumber() {
        jdbc.queryForList("select id from rule_set_versions where state = 'PUBLISHED' for update", Long.class);
        Integer last = jdbc.queryForObject("select max(number) from rule_set_versions", Integer.class);
        jdbc.update("update rule_set_versions set state = 'SUPERSEDED' where state = 'PUBLISHED'");
        return last == null ? 1 : last + 1;
    }

    /** A new draft holding a copy of {@code base}'s files, parameters and exceptions. */
    long createDraft(long base, String author, String title) {
        return transaction.execute(status -> {
            StoredVersion from = load(base);
            long id = insertRow(null, "DRAFT", author, title, base, null, null, false);
            writeContent(id, from.files(), from.overrides(), from.exceptions());
            return id;
        });
    }

    Optional<VersionRow> row(long id) {
        return jdbc.query(ROW + " where id = ?", (rs, n) -> row(rs), id).stream().findFirst();
    }

    List<VersionRow> rows() {
        return jdbc.query(ROW + " order by coalesce(published_at, updated_at, created_at) desc, id desc",
                (rs, n) -> row(rs));
    }

    public StoredVersion load(long id) {
        Integer number = jdbc.queryForObject("select number from rule_set_versions where id = ?", Integer.class, id);
        Map<String, String> files = new TreeMap<>();
        jdbc.query("select file_name, drl from rule_set_files where version_id = ?",
                rs -> { files.put(rs.getString(1), rs.getString(2)); }, id);
        Map<String, String> overrides = new LinkedHashMap<>();
        jdbc.query("select rule_id, param_name, param_value from rule_set_parameters where version_id = ?"
                        + " order by rule_id, param_name",
                rs -> { overrides.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3)); }, id);
        List<RuleException> exceptions = jdbc.query("select id, rule_id, kind, pattern, until_day, comment, author"
                        + " from rule_set_exceptions where version_id = ? order by rule_id, id",
                (rs, n) -> new RuleException(rs.getLong(1), rs.getString(2),
                        RuleException.Kind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getString(6),
                        rs.getString(7)), id);
        return new StoredVersion(id, number, files, overrides, exceptions);
    }

    /** Changes a draft's row and content in one transaction, only while it is still in {@code state}. */
    void changeDraft(long id, String state, Runnable change) {
        transaction.executeWithoutResult(status -> {
            List<String> now = jdbc.queryForList("select state from rule_set_versions where id = ? for update",
                    String.class, id);
            if (now.isEmpty() || !now.get(0).equals(state)) {
                throw new DraftNotEditable(id, now.isEmpty() ? "gone" : now.get(0));
            }
            change.run();
            jdbc.update("update rule_set_versions set updated_at = ? where id = ?", Timestamp.from(Instant.now()), id);
        });
    }

    void putFile(long id, String name, String drl) {
        if (jdbc.update("update rule_set_files set drl = ? where version_id = ? and file_name = ?", drl, id, name) == 0) {
            jdbc.update("insert into rule_set_files (version_id, file_name, drl) values (?, ?, ?)", id, name, drl);
        }
    }

    void removeFile(long id, String name) {
        jdbc.update("delete from rule_set_files where version_id = ? and file_name = ?", id, name);
    }

    void replaceParameters(long id, Map<String, String> overrides) {
        jdbc.update("delete from rule_set_parameters where version_id = ?", id);
        writeContent(id, Map.of(), overrides, List.of());
    }

    long insertException(long id, RuleException e) {
        return insertReturningId("insert into rule_set_exceptions (version_id, rule_id, kind, pattern, until_day,"
                + " comment, author, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", id, e.ruleId(), e.kind().name(),
                e.pattern(), e.until() == null ? null : Date.valueOf(e.until()), e.comment(), e.author(),
                Timestamp.from(Instant.now()));
    }

    boolean deleteException(long id, long exceptionId) {
        return jdbc.update("delete from rule_set_exceptions where version_id = ? and id = ?", id, exceptionId) == 1;
    }

    void setState(long id, String state, String comment, String reviewer, String reviewComment, String processId) {
        jdbc.update("update rule_set_versions set state = ?, comment = coalesce(?, comment), reviewer = ?,"
                + " review_comment = ?, review_process_id = coalesce(?, review_process_id) where id = ?",
                state, comment, reviewer, reviewComment, processId, id);
    }

    void delete(long id) {
        jdbc.update("delete from rule_set_versions where id = ? and state = 'DRAFT'", id);
    }

    private long insertRow(Integer number, String state, String author, String title, Long base, String comment,
                           String reviewer, boolean published) {
        Timestamp now = Timestamp.from(Instant.now());
        return insertReturningId("insert into rule_set_versions (number, state, author, title, base_version_id,"
                + " comment, reviewer, created_at, updated_at, published_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                number, state, author, title, base, comment, reviewer, now, now, published ? now : null);
    }

    private long insertReturningId(String sql, Object... arguments) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"});
            new ArgumentPreparedStatementSetter(arguments).setValues(statement);
            return statement;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    private void writeContent(long id, Map<String, String> files, Map<String, String> overrides,
                              List<RuleException> exceptions) {
        files.forEach((name, drl) -> jdbc.update(
                "insert into rule_set_files (version_id, file_name, drl) values (?, ?, ?)", id, name, drl));
        overrides.forEach((key, value) -> {
            int dot = key.lastIndexOf('.');
            jdbc.update("insert into rule_set_parameters (version_id, rule_id, param_name, param_value) values (?, ?, ?, ?)",
                    id, key.substring(0, dot), key.substring(dot + 1), value);
        });
        exceptions.forEach(e -> insertException(id, e));
    }

    private static VersionRow row(ResultSet rs) throws SQLException {
        return new VersionRow(rs.getLong("id"), (Integer) rs.getObject("number"), rs.getString("state"),
                rs.getString("title"), rs.getString("author"), (Long) rs.getObject("base_version_id"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("comment"),
                rs.getString("reviewer"), rs.getString("review_comment"), instant(rs, "published_at"),
                rs.getString("review_process_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A version's row without its content: what lists show. */
    public record VersionRow(long id, Integer number, String state, String title, String author, Long baseVersionId,
                             Instant createdAt, Instant updatedAt, String comment, String reviewer,
                             String reviewComment, Instant publishedAt, String reviewProcessId) {

        public String label() {
            return number == null ? "draft #" + id : "v" + number;
        }

        public boolean editable() {
            return "DRAFT".equals(state);
        }
    }

}
