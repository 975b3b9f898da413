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

    StoredDetection map(ResultSet rs, boolean withRaw) throws SQLException {
        String user;
        String app;
        String proto;
        String malType;
        if (postgres) {
            user = rs.getString("x_user");
            app = rs.getString("x_app");
            proto = rs.getString("x_proto");
            malType = rs.getString("x_maltype");
        } else {
            JsonNode extra = parse(rs.getString("extra"));
            user = first(extra, "duser", "suser", "usrName");
            app = first(extra, "app");
            proto = first(extra, "proto");
            malType = first(extra, "malType");
        }
        String direction = rs.getString("direction");
        return new StoredDetection(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("product_id"),
                rs.getTimestamp("event_time").toInstant(), SEVERITIES[rs.getInt("severity")], rs.getString("event_name"),
                rs.getString("threat_type"), rs.getString("threat_name"), malType, rs.getString("rule_name"),
                rs.getString("action"), rs.getString("src_address"), rs.getString("src_host"), integer(rs, "src_port"),
                rs.getString("dst_address"), rs.getString("dst_host"), integer(rs, "dst_port"),
                rs.getString("interested_address"), rs.getString("peer_address"), rs.getString("file_name"),
                rs.getString("file_hash"), rs.getString("url"), direction == null ? null : Direction.valueOf(direction),
                rs.getString("attack_phase"), user, app, proto, rs.getLong("event_count"),
                withRaw ? rs.getString("raw") : null);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
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
