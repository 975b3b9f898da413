package tmsp.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What a periodic check last told per account and subject, so it tells again only when that changes. */
@Component
class NotificationStates {

    private final JdbcTemplate jdbc;

    NotificationStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> get(long accountId, String subject) {
        List<String> found = jdbc.queryForList("select state from notification_states where account_id = ? and subject = ?",
                String.class, accountId, subject);
        return found.stream().findFirst();
    }

    void set(long accountId, String subject, String state) {
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.update("update notification_states set state = ?, changed_at = ? where account_id = ? and subject = ?",
                state, now, accountId, subject) == 0) {
            jdbc.update("insert into notification_states (account_id, subject, state, changed_at) values (?, ?, ?, ?)",
                    accountId, subject, state, now);
        }
    }
}
