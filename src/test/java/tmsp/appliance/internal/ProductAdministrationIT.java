package tmsp.appliance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.appliance.ApplianceEvents.HeartbeatOverdue;
import tmsp.appliance.ProductType;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

@IntegrationTest
@RecordApplicationEvents
class ProductAdministrationIT {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProductRegistration registration;
    @Autowired Heartbeats heartbeats;
    @Autowired ApplicationEvents events;
    @Autowired ProductAdministration administration;

    TestAccounts.Created account;
    long productId;

    @BeforeEach
    void aRegisteredProduct() throws Exception {
        account = TestAccounts.create(mvc, json, jdbc, "Products");
        productId = registration.register(account.id(), new RegistrationRequest("DISCOVERY", "tda-9.example",
                UUID.randomUUID().toString(), "3.8"), "127.0.0.1").productId();
    }

    @Test
    void aSilentProductBecomesOverdueOnceAndAHeartbeatClearsIt() {
        jdbc.update("update products set last_heartbeat_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(6, ChronoUnit.MINUTES)), productId);
        heartbeats.findOverdue();
        heartbeats.findOverdue();
        assertThat(jdbc.queryForObject("select heartbeat_overdue from products where id = ?", Boolean.class, productId)).isTrue();
        assertThat(events.stream(HeartbeatOverdue.class).filter(e -> e.productId() == productId)).hasSize(1);

        heartbeats.record(new tmsp.appliance.ApplianceIdentity(productId, account.id(), ProductType.DISCOVERY, "g", "h", true, null),
                new Heartbeats.Heartbeat(null, null, null, null));
        assertThat(jdbc.queryForObject("select heartbeat_overdue from products where id = ?", Boolean.class, productId)).isFalse();
    }

    @Test
    void aProductThatNeverSentAHeartbeatBecomesOverdueAfterTheIntervalSinceRegistration() {
        jdbc.update("update products set registered_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)), productId);
        heartbeats.findOverdue();
        assertThat(jdbc.queryForObject("select heartbeat_overdue from products where id = ?", Boolean.class, productId)).isTrue();
    }

    @Test
    void theAccountPageListsTheProductAndAnAdministratorMovesIt() throws Exception {
        var admin = user("admin").roles("ADMIN");
        String page = mvc.perform(get("/accounts/" + account.id()).with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("tda-9.example", "id=\"product-" + productId + "\"");

        TestAccounts.Created other = TestAccounts.create(mvc, json, jdbc, "Target");
        mvc.perform(post("/accounts/" + account.id() + "/products/" + productId + "/move").with(admin).with(csrf())
                        .param("toAccount", "no such account"))
                .andExpect(flash().attribute("error", "products.moveTargetMissing"));
        mvc.perform(post("/accounts/" + account.id() + "/products/" + productId + "/move").with(admin).with(csrf())
                        .param("toAccount", "  " + other.name().toUpperCase() + " "))
                .andExpect(flash().attribute("success", "products.moved"));
        assertThat(jdbc.queryForObject("select account_id from products where id = ?", Long.class, productId)).isEqualTo(other.id());
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'PRODUCT_MOVED' and details like ?",
                Long.class, "%to account #" + other.id())).isOne();

        // Moved away: the old account's URL no longer reaches it.
        mvc.perform(post("/accounts/" + account.id() + "/products/" + productId + "/delete").with(admin).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/accounts/" + other.id() + "/products/" + productId + "/delete").with(admin).with(csrf()))
                .andExpect(flash().attribute("success", "products.removed"));
        assertThat(jdbc.queryForObject("select count(*) from products where id = ?", Long.class, productId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'PRODUCT_REMOVED' and details = ?",
                Long.class, "from account #" + other.id())).isOne();
    }

    @Test
    void anAdministratorSetsAndClearsTheSyslogSourceAndBadAddressesAreRefused() throws Exception {
        var admin = user("admin").roles("ADMIN");
        String url = "/accounts/" + account.id() + "/products/" + productId + "/syslog-source";
        for (String bad : new String[] {"tda-1.example", "10.0.0.256", "1.2.3", "::g", "10.0.0.1; drop table products", "x".repeat(300)}) {
            mvc.perform(post(url).with(admin).with(csrf()).param("address", bad))
                    .andExpect(flash().attribute("error", "products.syslogSourceInvalid"));
        }
        assertThat(jdbc.queryForObject("select syslog_source from products where id = ?", String.class, productId)).isNull();

        mvc.perform(post(url).with(admin).with(csrf()).param("address", " 2001:db8::7 "))
                .andExpect(flash().attribute("success", "products.syslogSourceSet"));
        assertThat(jdbc.queryForObject("select syslog_source from products where id = ?", String.class, productId))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
        mvc.perform(post(url).with(admin).with(csrf()).param("address", "192.0.2.10"))
                .andExpect(flash().attribute("success", "products.syslogSourceSet"));
        assertThat(mvc.perform(get("/accounts/" + account.id()).with(admin)).andReturn().getResponse().getContentAsString())
                .contains("syslog only from 192.0.2.10");
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'PRODUCT_SYSLOG_SOURCE_SET' "
                + "and details = 'syslog only from 192.0.2.10'", Long.class)).isOne();

        mvc.perform(post(url).with(admin).with(csrf()).param("address", ""))
                .andExpect(flash().attribute("success", "products.syslogSourceSet"));
        assertThat(jdbc.queryForObject("select syslog_source from products where id = ?", String.class, productId)).isNull();

        mvc.perform(post(url).with(user("analyst").roles("ANALYST")).with(csrf()).param("address", "192.0.2.1"))
                .andExpect(status().isForbidden());
        mvc.perform(post(url).with(admin).param("address", "192.0.2.1")).andExpect(status().isForbidden());
        TestAccounts.Created other = TestAccounts.create(mvc, json, jdbc, "NotTheOwner");
        mvc.perform(post("/accounts/" + other.id() + "/products/" + productId + "/syslog-source").with(admin).with(csrf())
                .param("address", "192.0.2.1")).andExpect(status().isNotFound());
    }

    @Test
    void aDeletedAccountsProductsMoveAllTogetherOrAreRemovedAndEachRunAgainFindsNothingLeft() throws Exception {
        registration.register(account.id(), new RegistrationRequest("MITIGATOR", "tmm-1.example",
                UUID.randomUUID().toString(), "2.0"), "127.0.0.1");
        TestAccounts.Created target = TestAccounts.create(mvc, json, jdbc, "Gathering");

        assertThatThrownBy(() -> administration.moveAll(account.id(), account.id(), "anna"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> administration.moveAll(account.id(), 987654321L, "anna"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(administration.moveAll(account.id(), target.id(), "anna")).isEqualTo(2);
        assertThat(administration.moveAll(account.id(), target.id(), "anna")).isZero();
        assertThat(administration.registeredTo(target.id())).extracting(p -> p.hostname())
                .containsExactly("tda-9.example", "tmm-1.example");
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'PRODUCT_MOVED' and actor = 'anna' "
                + "and details = ?", Long.class, "from account #" + account.id() + " to account #" + target.id())).isEqualTo(2);

        assertThat(administration.removeAll(target.id(), "bert")).isEqualTo(2);
        assertThat(administration.removeAll(target.id(), "bert")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from products where account_id in (?, ?)", Long.class,
                account.id(), target.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'PRODUCT_REMOVED' and actor = 'bert' "
                + "and details = ?", Long.class, "from account #" + target.id())).isEqualTo(2);
    }
}
