package tmsp.appliance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tmsp.appliance.ApplianceIdentity;
import tmsp.appliance.ProductType;

/**
 * Who a token or a GUID belongs to, read with one plain statement: it runs for every upload and heartbeat,
 * where loading the entity through a derived JPA query cost a tenth of an upload's CPU (bench/README.md).
 */
@Component
class ProductIdentities {

    private static final String COLUMNS = "select id, account_id, type, guid, hostname, enabled, syslog_source from products ";

    private final JdbcTemplate jdbc;

    ProductIdentities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ApplianceIdentity> byTokenHash(String tokenHash) {
        return jdbc.query(COLUMNS + "where token_hash = ?", ProductIdentities::identity, tokenHash).stream().findFirst();
    }

    Optional<ApplianceIdentity> byGuid(String normalisedGuid) {
        return jdbc.query(COLUMNS + "where guid = ?", ProductIdentities::identity, normalisedGuid).stream().findFirst();
    }

    /** At most two products configured with this syslog source: one is an answer, two are ambiguous. */
    List<ApplianceIdentity> bySyslogSource(String address) {
        return jdbc.query(COLUMNS + "where syslog_source = ? limit 2", ProductIdentities::identity, address);
    }

    private static ApplianceIdentity identity(ResultSet rs, int row) throws SQLException {
        return new ApplianceIdentity(rs.getLong("id"), rs.getLong("account_id"), ProductType.valueOf(rs.getString("type")),
                rs.getString("guid"), rs.getString("hostname"), rs.getBoolean("enabled"), rs.getString("syslog_source"));
    }
}
