package tmsp.ingest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import tmsp.ingest.Direction;
import tmsp.ingest.Severity;
import tmsp.ingest.StoredDetection;

/**
 * The select list and row mapping of {@link StoredDetection}. PostgreSQL picks the four extension values out of
 * the jsonb {@code extra} itself; on H2 {@code extra} is JSON text, read here.
 */
final class StoredDetectionRows {

    private static final String COLUMNS = "id, account_id, product_id, event_time, severity, event_name, threat_type,"
            + " threat_name, rule_name, action, src_address, src_host, src_port, dst_address, dst_host, dst_port,"
            + " interested_address, peer_address, file_name, file_hash, url, direction, attack_phase, event_count";
    private static final String PG_EXTRAS = ", coalesce(extra->>'duser', extra->>'suser', extra->>'usrName') as x_user,"
            + " extra->>'app' as x_app, extra->>'proto' as x_proto, extra->>'malType' as x_maltype";
    private static final Severity[] SEVERITIES = Severity.values();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean postgres;

    StoredDetectionRows(boolean postgres) {
        this.postgres = postgres;
    }

    String columns(boolean withRaw) {
        return COLUMNS + (postgres ? PG_EXTRAS : ", extra") + (withRaw ? ", raw" : "");
    }

    /** By column position (the order of {@link #columns}): a label lookup per value costs on a day of rows. */
    StoredDetection map(ResultSet rs, boolean withRaw) throws SQLException {
        return map(rs, withRaw, null);
    }

    /**
     * As {@link #map(ResultSet, boolean)}, the texts through {@code texts} when given (PostgreSQL only: its driver
     * hands out a text value's bytes without copying them), so that a read of many rows shares repeated values.
     */
    StoredDetection map(ResultSet rs, boolean withRaw, RepeatedTexts texts) throws SQLException {
        Texts text = postgres && texts != null ? column -> texts.of(rs.getBytes(column)) : rs::getString;
        String user;
        String app;
        String proto;
        String malType;
        int next;
        if (postgres) {
            user = text.at(25);
            app = text.at(26);
            proto = text.at(27);
            malType = text.at(28);
            next = 29;
        } else {
            JsonNode extra = parse(rs.getString(25));
            user = first(extra, "duser", "suser", "usrName");
            app = first(extra, "app");
            proto = first(extra, "proto");
            malType = first(extra, "malType");
            next = 26;
        }
        String direction = text.at(22);
        return new StoredDetection(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                SEVERITIES[rs.getInt(5)], text.at(6), text.at(7), text.at(8), malType,
                text.at(9), text.at(10), text.at(11), text.at(12), integer(rs, 13),
                text.at(14), text.at(15), integer(rs, 16), text.at(17), text.at(18),
                text.at(19), text.at(20), rs.getString(21), // the URL: nearly every one differs, kept out of the table
                direction == null ? null : Direction.valueOf(direction), text.at(23), user, app, proto,
                rs.getLong(24), withRaw ? rs.getString(next) : null);
    }

    /** A text column by position. */
    @FunctionalInterface
    private interface Texts {
        String at(int column) throws SQLException;
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static JsonNode parse(String extra) {
        try {
            return extra == null ? JSON.createObjectNode() : JSON.readTree(extra);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("extra is written as JSON by ingest itself: " + e.getMessage(), e);
        }
    }

    private static String first(JsonNode extra, String... keys) {
        for (String key : keys) {
            JsonNode value = extra.get(key);
            if (value != null && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }
}
