package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.mitigation.CaseStatus;
import tmsp.support.IntegrationTest;
import tmsp.support.StatementCounter;
import tmsp.support.TestAccounts;

/** The Case List: every column sorts both ways, the filters, paging, a bounded number of statements per page. */
@IntegrationTest
class CaseListIT {

    static final Instant BASE = Instant.parse("2026-11-10T08:00:00Z");

    @Autowired CaseListQuery query;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;

    MitigationData data;
    TestAccounts.Created account;
    String tag;
    List<Long> ids = new ArrayList<>();

    @BeforeEach
    void sevenCases() throws Exception {
        data = MitigationData.of(context);
        account = TestAccounts.create(mvc, json, jdbc, "Cases");
        tag = UUID.randomUUID().toString().substring(0, 6);
        long tms = data.mitigator(account.id(), "tms-" + tag);
        String[] servers = {"TMS-b", "tms-a", "tms-c", "Tms-d", "tms-a", "tms-e", "tms-f"};
        for (int i = 0; i < 7; i++) {
            MitigationCase c = data.newCase(account.id(), tms, servers[i], "10.0." + (i * 3 % 7) + ".5",
                    i == 3 ? null : "pc-" + i, "sample-" + i + ".zip", "x".repeat(10 + (i * 5 % 7) * 1000),
                    BASE.plusSeconds(86_400L * ((i * 4) % 7)));
            ids.add(c.id());
            if (i % 2 == 1) { // some cases have the vendor's case ID, some of those a pattern
                c = data.vendorCase(c.id(), "VC-" + tag + "-" + (char) ('a' + (i * 3) % 7), BASE.plusSeconds(i));
                if (i != 5) {
                    data.pattern(c, "CPR-" + (char) ('z' - i), null, null, null);
                }
            }
        }
    }

    @Test
    void everyColumnSortsBothWaysWithEmptyValuesLast() {
        check("caseId", CaseListQuery.Row::vendorCaseId);
        check("status", r -> r.status().ordinal());
        check("received", CaseListQuery.Row::receivedAt);
        check("updated", CaseListQuery.Row::updatedAt);
        check("server", r -> r.mitigationServer().toLowerCase(Locale.ROOT));
        check("pattern", CaseListQuery.Row::patternName);
        check("endpoint", CaseListQuery.Row::endpointIp);
        check("download", CaseListQuery.Row::sampleSize);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void check(String sort, Function<CaseListQuery.Row, Comparable> column) {
        for (boolean ascending : new boolean[] {true, false}) {
            List<CaseListQuery.Row> rows = query.find(request(null, null, null, null, sort, ascending, 0, 50)).rows();
            assertThat(rows).hasSize(7);
            Comparator<Comparable> direction = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
            List<Comparable> expected = new ArrayList<>(rows.stream().map(column).toList());
            expected.sort(Comparator.nullsLast(direction));
            assertThat(rows).as("sorted by %s %s", sort, ascending ? "asc" : "desc")
                    .extracting(column::apply).containsExactlyElementsOf(expected);
            assertThat(rows.stream().map(column).distinct().count()).as("the column tells the rows apart").isGreaterThan(2);
        }
    }

    @Test
    void theRowsCarryTheCurrentPatternTheVendorsCaseAndTheEndpoint() {
        List<CaseListQuery.Row> rows = query.find(request(null, null, null, null, "received", true, 0, 50)).rows();
        CaseListQuery.Row withPattern = rows.stream().filter(r -> r.id() == ids.get(1)).findFirst().orElseThrow();
        assertThat(withPattern.vendorCaseId()).isEqualTo("VC-" + tag + "-d");
        assertThat(withPattern.status()).isEqualTo(CaseStatus.PATTERN_RECEIVED);
        assertThat(withPattern.patternName()).isEqualTo("CPR-y");
        assertThat(withPattern.patternRevision()).isEqualTo(1);
        assertThat(withPattern.endpoint()).isEqualTo("10.0.3.5 (pc-1)");
        CaseListQuery.Row fresh = rows.stream().filter(r -> r.id() == ids.get(0)).findFirst().orElseThrow();
        assertThat(fresh.vendorCaseId()).isNull();
        assertThat(fresh.patternName()).isNull();
        assertThat(fresh.status()).isEqualTo(CaseStatus.SAMPLE_RECEIVED);
        CaseListQuery.Row noHost = rows.stream().filter(r -> r.id() == ids.get(3)).findFirst().orElseThrow();
        assertThat(noHost.endpoint()).isEqualTo("10.0.2.5");
    }

    @Test
    void filtersByStatusTextAndReceivedDays() {
        assertThat(query.find(request(CaseStatus.SAMPLE_RECEIVED, null, null, null, "received", true, 0, 50)).rows())
                .extracting(CaseListQuery.Row::id).containsExactlyInAnyOrder(ids.get(0), ids.get(2), ids.get(4), ids.get(6));
        assertThat(query.find(request(null, "PC-1", null, null, "received", true, 0, 50)).rows())
                .extracting(CaseListQuery.Row::id).containsExactly(ids.get(1));
        assertThat(query.find(request(null, "10.0.2.", null, null, "received", true, 0, 50)).rows())
                .extracting(CaseListQuery.Row::id).containsExactly(ids.get(3));
        assertThat(query.find(request(null, "tms-a", null, null, "received", true, 0, 50)).total()).isEqualTo(2);
        assertThat(query.find(request(null, "%", null, null, "received", true, 0, 50)).total()).as("literal %").isZero();
        assertThat(query.find(request(null, "_", null, null, "received", true, 0, 50)).total()).as("literal _").isZero();
        // Received days: case i arrived BASE + (i*4 % 7) days: 0, 4, 1, 5, 2, 6, 3.
        CaseListQuery.Result days = query.find(request(null, null, BASE.minusSeconds(3600), BASE.plusSeconds(2 * 86_400L),
                "received", true, 0, 50));
        assertThat(days.rows()).extracting(CaseListQuery.Row::id).containsExactly(ids.get(0), ids.get(2));
    }

    @Test
    void pagesAndTotals() {
        CaseListQuery.Result first = query.find(request(null, null, null, null, "received", true, 0, 3));
        CaseListQuery.Result last = query.find(request(null, null, null, null, "received", true, 2, 3));
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.rows()).hasSize(3);
        assertThat(last.rows()).extracting(CaseListQuery.Row::id).containsExactly(ids.get(5));
        CaseListQuery.Result beyond = query.find(request(null, null, null, null, "received", true, 99, 3));
        assertThat(beyond.request().page()).isZero();
        assertThat(beyond.rows()).hasSize(3);
    }

    @Test
    void thePageIsABoundedNumberOfStatementsWhateverItsSize() throws Exception {
        var analyst = user("analyst").roles("ANALYST");
        int[] statements = new int[2];
        int[] sizes = {2, 100};
        for (int i = 0; i < sizes.length; i++) {
            statements[i] = Integer.MAX_VALUE;
            // The counter sees every thread: the least of three looks leaves out other threads' work (async listeners).
            for (int look = 0; look < 3; look++) {
                StatementCounter.reset();
                mvc.perform(get("/accounts/" + account.id() + "/mitigation/cases").param("sort", "pattern")
                        .param("size", String.valueOf(sizes[i])).with(analyst)).andExpect(status().isOk());
                statements[i] = Math.min(statements[i], StatementCounter.count());
            }
        }
        // The account (with its collections), the page and (when the page is full) its count: never one per row.
        assertThat(statements[0]).as("statements %d, %d", statements[0], statements[1]).isLessThanOrEqualTo(6);
        assertThat(statements[1]).as("7 rows, and no count").isLessThanOrEqualTo(statements[0]);
    }

    @Test
    void theAdministratorGetsDownloadLinksTheCustomerOnlyTheSizes() throws Exception {
        String admin = page("", user("root").roles("ADMIN"));
        assertThat(admin).contains("id=\"cases\"", "href=\"/mitigation/cases/" + ids.get(0) + "\"",
                "id=\"download-" + ids.get(0) + "\"", "href=\"/mitigation/cases/" + ids.get(0) + "/sample\"",
                "Threat Sample Received", "CPR-y r1", "10.0.3.5 (pc-1)", "VC-" + tag + "-d");
        String customer = page("", user(users.loadUserByUsername(account.portalUser())));
        assertThat(customer).contains("id=\"cases\"", "href=\"/mitigation/cases/" + ids.get(0) + "\"", "5,014 bytes")
                .doesNotContain("/sample\"", "id=\"download-");
    }

    @Test
    void badParametersAreIgnoredWithAWarningNeverAnError() throws Exception {
        var admin = user("root").roles("ADMIN");
        String html = page("?status=NOPE&from=2026-02-30&to=soon&sort=sample_file;drop&dir=up&page=x&size=-1", admin);
        assertThat(html).contains("id=\"filter-problem-0\"", "The status filter was not understood",
                "A date was not understood", "id=\"cases\"");
        assertThat(page("?page=99999999999&size=99999999999", admin)).contains("id=\"cases\"");
        assertThat(page("?q=" + "%25".repeat(50), admin)).contains("id=\"cases-empty\"");
        mvc.perform(get("/accounts/987654321/mitigation/cases").with(admin)).andExpect(status().isNotFound());
    }

    @Test
    void thePagerKeepsTheFilterAndTheOrder() throws Exception {
        String html = page("?q=tms&size=2&sort=server&dir=desc", user("root").roles("ADMIN"));
        assertThat(html).contains("href=\"/accounts/" + account.id()
                + "/mitigation/cases?q=tms&amp;size=2&amp;sort=server&amp;dir=desc&amp;page=1\"", "Page 1 of 4");
    }

    private String page(String query, org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/accounts/" + account.id() + "/mitigation/cases" + query).with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private CaseListQuery.Request request(CaseStatus status, String text, Instant from, Instant to, String sort,
                                          boolean ascending, int page, int size) {
        return new CaseListQuery.Request(account.id(), status, text, from, to, sort, ascending, page, size);
    }
}
