package tmsp.mitigation.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.appliance.ApplianceIdentity;

/** Stores the good entries of a status report: one JDBC batch, one commit. */
@Component
class EndpointStatusLog {

    private static final String INSERT = "insert into endpoint_statuses "
            + "(account_id, product_id, ip, hostname, status, threat, reported_at, received_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    EndpointStatusLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void store(ApplianceIdentity mitigator, List<StatusBatch.Entry> entries, Instant receivedAt) {
        if (entries.isEmpty()) {
            return;
        }
        var received = receivedAt.atOffset(ZoneOffset.UTC);
        jdbc.batchUpdate(INSERT, entries, entries.size(), (statement, entry) -> {
            statement.setLong(1, mitigator.accountId());
            statement.setLong(2, mitigator.productId());
            statement.setString(3, entry.ip());
            statement.setString(4, entry.hostname());
            statement.setString(5, entry.status().name());
            statement.setString(6, entry.threat());
            statement.setObject(7, entry.time().atOffset(ZoneOffset.UTC));
            statement.setObject(8, received);
        });
    }
}
