package tmsp.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.account.AccountActivity;
import tmsp.account.SecurityCompliance;
import tmsp.identity.Administrators;
import tmsp.support.IntegrationTest;
import tmsp.support.StatementCounter;

/** The Customer Accounts list: every column sorts both ways, filter and paging, and no N+1 queries. */
@IntegrationTest
class AccountListIT {

    @Autowired AccountListQuery query;
    @Autowired AccountManagement management;
    @Autowired AccountActivity activity;
    @Autowired Administrators administrators;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    /** A tag only this test's accounts carry, so other tests' accounts do not disturb the order. */
    String tag;

    @BeforeEach
    void sevenAccounts() {
        tag = "zq" + java.util.UUID.randomUUID().toString().substring(0, 6);
        long admin = administrators.all().get(0).id();
        List<Long> services = jdbc.queryForList("select id from services order by sort_order", Long.class);
        for (int i = 0; i < 7; i++) {
            AccountForm form = AccountFixtures.form(tag + " account " + (char) ('g' - i), admin,
                    Set.copyOf(services.subList(0, 1 + i % services.size())));
            form.setCompanyName("Company " + (char) ('a' + (i * 3) % 7) + " " + tag);
            form.setValidFrom(form.getValidFrom().plusDays((i * 5L) % 7));
            Account account = management.create(form);
            if (i % 3 != 0) { // some accounts have no activity yet: their columns stay empty
                activity.incidentsCounted(account.getId(), (i * 4) % 7, Instant.now());
                activity.logsReceived(account.getId(), Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i * 3600L));
                activity.complianceReported(account.getId(), i % 2 == 0 ? SecurityCompliance.ENABLED : SecurityCompliance.DISABLED);
            }
        }
    }

    @Test
    void everyColumnSortsBothWays() {
        check("name", AccountListQuery.Row::name);
        check("company", AccountListQuery.Row::companyName);
        check("incidents", AccountListQuery.Row::incidents);
        check("lastReceived", AccountListQuery.Row::lastReceived);
        check("services", AccountListQuery.Row::services);
        check("managedBy", AccountListQuery.Row::managedBy);
        check("validFrom", AccountListQuery.Row::validFrom);
        check("compliance", r -> r.compliance() == null ? null : r.compliance().name());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void check(String sort, Function<AccountListQuery.Row, Comparable> column) {
        for (boolean ascending : new boolean[] {true, false}) {
            List<AccountListQuery.Row> rows = query.find(new AccountListQuery.Request(tag, sort, ascending, 0, 50)).rows();
            assertThat(rows).hasSize(7);
            // Empty values go last in both directions.
            Comparator<Comparable> order0 = ascending ? Comparator.<Comparable>naturalOrder() : Comparator.<Comparable>reverseOrder();
            Comparator<AccountListQuery.Row> order = Comparator.comparing(column, Comparator.nullsLast(order0));
            List<AccountListQuery.Row> expected = new ArrayList<>(rows);
            expected.sort(order);
            assertThat(rows).as("sorted by %s %s", sort, ascending ? "asc" : "desc")
                    .extracting(column::apply).containsExactlyElementsOf(expected.stream().map(column).toList());
        }
    }

    @Test
    void pagesAndTotals() {
        AccountListQuery.Result first = query.find(new AccountListQuery.Request(tag, "name", true, 0, 3));
        AccountListQuery.Result last = query.find(new AccountListQuery.Request(tag, "name", true, 2, 3));
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.rows()).hasSize(3);
        assertThat(last.rows()).hasSize(1);
        assertThat(last.rows().get(0).name()).isEqualTo(tag + " account g");
        AccountListQuery.Result beyond = query.find(new AccountListQuery.Request(tag, "name", true, 40, 3));
        assertThat(beyond.request().page()).isZero();
        assertThat(beyond.rows()).hasSize(3);
    }

    @Test
    void theFilterMatchesLiterallyAndUnknownSortsFallBackToName() {
        assertThat(query.find(new AccountListQuery.Request(tag.toUpperCase() + " ACCOUNT C", "nonsense; drop table accounts", true, 0, 10))
                .rows()).extracting(AccountListQuery.Row::name).containsExactly(tag + " account c");
        assertThat(query.find(new AccountListQuery.Request(tag + "%", "name", true, 0, 10)).total()).isZero();
        assertThat(query.find(new AccountListQuery.Request("_" + tag.substring(1), "name", true, 0, 10)).total()).isZero();
    }

    @Test
    void theFilterFindsAnAccountByItsManagerEvenAfterTheManagerIsRenamed() throws Exception {
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(new tmsp.identity.PortalUser(0, "root-of-test", "x", true, null, java.util.Set.of(tmsp.identity.Role.ADMIN), null));
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/users/new")
                .with(admin).with(csrf).param("username", "mgr-" + tag).param("displayName", "Quintus " + tag)
                .param("password", "ten-chars-or-more").param("roles", "ADMIN"));
        long manager = jdbc.queryForObject("select id from users where username = ?", Long.class, "mgr-" + tag);
        List<Long> services = jdbc.queryForList("select id from services order by sort_order", Long.class);
        management.create(AccountFixtures.form("Managed " + tag, manager, Set.of(services.get(0))));

        assertThat(query.find(new AccountListQuery.Request("quintus " + tag, "name", true, 0, 10)).rows())
                .extracting(AccountListQuery.Row::name).containsExactly("Managed " + tag);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/users/" + manager + "/edit")
                .with(admin).with(csrf).param("displayName", "Septimus " + tag).param("roles", "ADMIN"));
        assertThat(query.find(new AccountListQuery.Request("septimus " + tag, "name", true, 0, 10)).total()).isOne();
        assertThat(query.find(new AccountListQuery.Request("quintus " + tag, "name", true, 0, 10)).total()).isZero();
    }

    @Test
    void thePageIsOneOrTwoStatementsWhateverItsSize() throws Exception {
        var staff = user("analyst").roles("ANALYST");
        int[] statements = new int[2];
        int[] sizes = {10, 100};
        for (int i = 0; i < sizes.length; i++) {
            StatementCounter.reset();
            mvc.perform(get("/accounts").param("sort", "incidents").param("dir", "desc")
                    .param("size", String.valueOf(sizes[i])).with(staff)).andExpect(status().isOk());
            statements[i] = StatementCounter.count();
        }
        // The page, and the count when the page is full (a short first page is its own count).
        assertThat(statements[0]).isBetween(1, 2);
        assertThat(statements[1]).isBetween(1, 2);
    }

    @Test
    void thePageShowsTheEmptyStateHonestly() throws Exception {
        String html = mvc.perform(get("/accounts").param("q", tag + " account a").with(user("a").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Not correlated yet", "No logs received", "No heartbeat yet");
        String none = mvc.perform(get("/accounts").param("q", "no-such-" + tag).with(user("a").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(none).contains("id=\"accounts-empty\"").doesNotContain("id=\"accounts\"");
    }
}
