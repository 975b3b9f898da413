package tmsp.appliance.internal;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.appliance.ProductActivity;

@Service
class ProductActivityRecorder implements ProductActivity {

    private final JdbcTemplate jdbc;

    ProductActivityRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void logsReceived(long productId, Instant finishedAt) {
        jdbc.update("update products set last_received = ? where id = ? and (last_received is null or last_received < ?)",
                java.sql.Timestamp.from(finishedAt), productId, java.sql.Timestamp.from(finishedAt));
    }
}
