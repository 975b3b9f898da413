package tmsp.appliance.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountActivity;
import tmsp.account.SecurityCompliance;
import tmsp.appliance.ProductType;

/**
 * Zero set-up mode: registers a discovery appliance (and for some a mitigator) to each demo account
 * that has none, with a recent heartbeat and upload, as if the appliances had been talking to us.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "tmsp.demo-data", havingValue = "true")
class DemoProducts implements ApplicationRunner {

    private final Products products;
    private final JdbcTemplate jdbc;
    private final AccountActivity activity;

    DemoProducts(Products products, JdbcTemplate jdbc, AccountActivity activity) {
        this.products = products;
        this.jdbc = jdbc;
        this.activity = activity;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (products.count() > 0) {
            return;
        }
        Random random = new Random(42);
        Instant now = Instant.now();
        for (Long accountId : jdbc.queryForList("select id from accounts order by id", Long.class)) {
            RegisteredProduct discovery = products.save(new RegisteredProduct(accountId, ProductType.DISCOVERY,
                    "tda-" + accountId + ".corp.example", UUID.randomUUID().toString().toUpperCase(), "3.8.1180"));
            Instant received = now.minus(Duration.ofMinutes(5 + random.nextInt(600)));
            SecurityCompliance compliance = random.nextInt(4) == 0 ? SecurityCompliance.DISABLED : SecurityCompliance.ENABLED;
            discovery.demoActivity(received, now.minusSeconds(30 + random.nextInt(300)), compliance);
            activity.logsReceived(accountId, received);
            activity.complianceReported(accountId, compliance);
            if (accountId % 2 == 1) {
                products.save(new RegisteredProduct(accountId, ProductType.MITIGATOR,
                        "tmm-" + accountId + ".corp.example", UUID.randomUUID().toString().toUpperCase(), "2.6.2044"));
            }
        }
    }
}
