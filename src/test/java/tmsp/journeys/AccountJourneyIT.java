package tmsp.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tmsp.support.ApplianceClient;
import tmsp.support.Browser;
import tmsp.support.IntegrationTest;

/**
 * The account journeys in a real headless Chromium: an administrator adds, finds, sorts, edits and
 * deletes accounts; a customer logs on with its account's portal logon and sees only its own account.
 * Every test makes its own uniquely named accounts, so the tests run in any order.
 */
@IntegrationTest
class AccountJourneyIT {

    private static final String ADMIN = "admin";
    private static final String PASSWORD = "journey-password-1";
    private static final List<String> COLUMNS = List.of("name", "company", "incidents", "lastReceived", "services",
            "managedBy", "validFrom", "compliance");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate rest;

    // one Chromium for the class (it takes seconds to start); each test begins logged off, without cookies
    static Browser browser;

    @BeforeEach
    void freshSession() {
        if (browser == null) {
            browser = Browser.open(port);
        }
        browser.forgetSession();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void adminAddsFindsSortsAndEditsAnAccount() {
        String token = token();
        long siblingId = arrange(new NewAccount("Journey " + token + " Sibling", "Alpha Freight " + token));
        NewAccount account = new NewAccount("Journey " + token + " Main", "Zenith Shipping " + token);

        logInAsAdmin();
        openAddForm();
        assertThat(browser.text(By.id("one-account-hint"))).contains("An organisation normally needs one account");
        fill(account);
        long id = save(account);

        assertThat(browser.text(By.cssSelector(".alert-success")))
                .contains("Account “" + account.name() + "” created.");
        assertThat(browser.text(By.cssSelector(".tmsp-details"))).contains("1 Harbour Road", "Ireland",
                "+353 1 555 0100", "Aoife Byrne", account.email(), "Threat Discovery, Outbreak Containment",
                "2026-01-01", "– 2027-12-31", "Deutsch", account.portalUser(), account.registrationUser());

        browser.clickAndLoad(By.linkText("Customer Accounts"));
        filter(token);
        assertThat(COLUMNS.stream().map(c -> browser.text(By.cssSelector("#sort-" + c + " span")))).containsExactly(
                "Account", "Company Name", "Incidents", "Last Received", "Services", "Managed By", "Valid From",
                "Security Compliance");
        assertThat(cells(id)).containsExactly(account.name(), account.company(), "Not correlated yet",
                "No logs received", "Threat Discovery, Outbreak Containment", adminLabel(),
                "2026-01-01\nuntil 2027-12-31", "No heartbeat yet");
        assertThat(rowIds()).containsExactly(id, siblingId); // by account name: "Main" before "Sibling"

        browser.clickAndLoad(By.id("sort-company"));
        browser.waitForPath(".*sort=company&dir=asc.*");
        assertThat(browser.waitFor(By.xpath("//th[.//a[@id='sort-company']]")).getDomAttribute("aria-sort"))
                .isEqualTo("ascending");
        assertThat(rowIds()).containsExactly(siblingId, id); // "Alpha Freight" before "Zenith Shipping"
        browser.clickAndLoad(By.id("sort-company"));
        browser.waitForPath(".*sort=company&dir=desc.*");
        assertThat(rowIds()).containsExactly(id, siblingId);

        browser.clickAndLoad(By.cssSelector("#account-" + id + " a"));
        browser.clickAndLoad(By.id("edit-account"));
        assertThat(browser.isPresent(By.id("one-account-hint"))).as("hint only when adding").isFalse();
        assertThat(browser.value("companyName")).isEqualTo(account.company());
        browser.type("companyName", "Zenith Shipping Group " + token);
        browser.clickAndLoad(By.id("save-account"));
        browser.waitForPath("/accounts/" + id);
        assertThat(browser.text(By.cssSelector(".alert-success")))
                .contains("Account “" + account.name() + "” saved.");
        assertThat(browser.text(By.cssSelector("#account-name + div"))).isEqualTo("Zenith Shipping Group " + token);
        browser.clickAndLoad(By.linkText("Customer Accounts"));
        filter(token);
        assertThat(cells(id).get(1)).isEqualTo("Zenith Shipping Group " + token);
    }

    @Test
    void emptyRequiredFieldsAreShownFieldByFieldAndNothingIsCreated() {
        logInAsAdmin();
        long before = accountCount();
        openAddForm();
        browser.setValue("validFrom", ""); // the form proposes today
        browser.clickAndLoad(By.id("save-account"));

        browser.waitForPath("/accounts");
        assertThat(browser.text(By.cssSelector("#account-form .alert-danger")))
                .isEqualTo("Please correct the marked fields.");
        for (String field : List.of("name", "companyName", "contactFirstName", "contactLastName", "registrationUser",
                "registrationPassword", "portalUser", "portalPassword", "validFrom")) {
            assertThat(browser.waitForId(field).getDomAttribute("class")).as(field).contains("is-invalid");
            assertThat(browser.text(By.id(field + "-feedback"))).as(field).isNotBlank();
        }
        assertThat(browser.waitForId("managedById").getDomAttribute("class")).contains("is-invalid");
        assertThat(browser.text(By.cssSelector("#managedById + .invalid-feedback"))).isNotBlank();
        assertThat(browser.text(By.xpath("//div[@role='group']/following-sibling::div[contains(@class,"
                + "'invalid-feedback')]"))).isEqualTo("Choose at least one service.");
        for (String optional : List.of("companyAddress", "companyCountry", "companyPhone", "contactEmail", "validTo")) {
            assertThat(browser.isPresent(By.id(optional + "-feedback"))).as(optional).isFalse();
        }
        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void aCustomerSeesOnlyItsOwnAccount() {
        String token = token();
        NewAccount own = new NewAccount("Journey " + token + " Own", "Own Company " + token);
        long ownId = arrange(own);
        long otherId = arrange(new NewAccount("Journey " + token + " Other", "Other Company " + token));

        browser.logIn(own.portalUser(), PASSWORD);
        browser.waitForPath("/accounts/" + ownId);
        assertThat(browser.text(By.id("account-name"))).isEqualTo(own.name());
        assertThat(browser.isPresent(By.id("edit-account"))).isFalse();
        assertThat(browser.isPresent(By.linkText("My account"))).isTrue();
        assertThat(browser.isPresent(By.linkText("Customer Accounts"))).isFalse();

        browser.get("/accounts/" + otherId);
        assertForbidden();
        assertThat(browser.isPresent(By.id("account-name"))).isFalse();
        browser.get("/accounts");
        assertForbidden();
        assertThat(browser.isPresent(By.id("accounts"))).isFalse();
    }

    @Test
    void aWrongPasswordIsRefusedAndShowsInTheSystemLogs() {
        NewAccount account = new NewAccount("Journey " + token() + " Logon", "Logon Company");
        arrange(account);

        browser.logIn(account.portalUser(), "not-the-password");
        browser.waitForPath("/login\\?error");
        assertThat(browser.text(By.id("login-error"))).isEqualTo("Wrong user name or password.");

        logInAsAdmin();
        browser.click(By.linkText("Administration"));
        browser.clickAndLoad(By.linkText("System Logs"));
        browser.waitForPath("/admin/system-logs");
        WebElement line = browser.waitFor(By.xpath("//table[@id='system-logs']/tbody/tr[td[2][normalize-space()='"
                + account.portalUser() + "'] and td[3][normalize-space()='Failed logon']]"));
        assertThat(line.getDomAttribute("class")).contains("table-warning");
        assertThat(line.findElements(By.tagName("td")).get(3).getText()).isEqualTo(account.portalUser());
    }

    @Test
    void anAccountDeletedThroughTheConfirmDialogLeavesTheList() {
        String token = token();
        NewAccount account = new NewAccount("Journey " + token + " Gone", "Gone Company " + token);
        long id = arrange(account);
        logInAsAdmin();
        browser.clickAndLoad(By.linkText("Customer Accounts"));
        filter(token);
        browser.clickAndLoad(By.cssSelector("#account-" + id + " a"));

        browser.click(By.id("delete-account"));
        browser.waitForId("confirm-dialog");
        assertThat(browser.text(By.id("confirm-text"))).contains("Delete the account “" + account.name() + "”");
        browser.clickAndLoad(By.id("confirm-ok"));

        browser.waitForPath("/accounts");
        assertThat(browser.text(By.cssSelector(".alert-success")))
                .contains("Account “" + account.name() + "” deleted.");
        assertThat(browser.isPresent(By.id("account-" + id))).isFalse();
        filter(token);
        assertThat(browser.text(By.id("accounts-empty"))).contains("No account matches “" + token + "”.");
        assertThat(accountCount("Journey " + token + " Gone")).isZero();
    }

    @Test
    void anAccountWithProductsWaitsForItsTaskAfterTheConfirmDialogAndThePageLinksTheTaskList() throws Exception {
        String token = token();
        NewAccount account = new NewAccount("Journey " + token + " Waits", "Waiting Company " + token);
        long id = arrange(account);
        assertThat(new ApplianceClient(port).post("/api/v1/products",
                ApplianceClient.basic(account.registrationUser(), PASSWORD), "application/json",
                "{\"type\":\"DISCOVERY\",\"hostname\":\"tda-journey\",\"guid\":\"" + UUID.randomUUID()
                        + "\",\"version\":\"3.8\"}").statusCode()).isEqualTo(201);
        logInAsAdmin();
        browser.get("/accounts/" + id);

        browser.click(By.id("delete-account"));
        browser.waitForId("confirm-dialog");
        assertThat(browser.text(By.id("confirm-text"))).contains("a task first asks which account they move to");
        browser.clickAndLoad(By.id("confirm-ok"));

        browser.waitForPath("/accounts/" + id);
        assertThat(browser.text(By.cssSelector(".alert-success")))
                .contains("The deletion of “" + account.name() + "” waits for a task");
        assertThat(browser.text(By.id("pending-deletion")))
                .contains("Deletion requested by admin", "Move the products to another account");
        assertThat(browser.waitForId("open-tasks").getDomAttribute("href")).isEqualTo("/tasks");
        assertThat(browser.isPresent(By.id("delete-account"))).isFalse();
        assertThat(accountCount("Journey " + token + " Waits")).isOne();
    }

    // --- steps -----------------------------------------------------------------------------------------

    private void logInAsAdmin() {
        browser.logIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.waitForPath("/accounts.*");
    }

    private void openAddForm() {
        browser.get("/accounts");
        browser.clickAndLoad(By.id("add-account"));
        browser.waitForId("one-account-hint");
    }

    /**
     * Creates an account through the JSON API, for the journeys that start from an existing account
     * (typing a whole form takes seconds; the form itself is the first journey's subject).
     */
    private long arrange(NewAccount account) {
        List<Long> services = jdbc.queryForList("select id from services where code = 'THREAT_DISCOVERY'", Long.class);
        Map<String, Object> body = Map.ofEntries(Map.entry("name", account.name()),
                Map.entry("companyName", account.company()), Map.entry("contactFirstName", "Aoife"),
                Map.entry("contactLastName", "Byrne"), Map.entry("registrationUser", account.registrationUser()),
                Map.entry("registrationPassword", PASSWORD), Map.entry("portalUser", account.portalUser()),
                Map.entry("portalPassword", PASSWORD), Map.entry("managedById", adminId()),
                Map.entry("serviceIds", services), Map.entry("validFrom", "2026-01-01"),
                Map.entry("reportLanguage", "en"));
        ResponseEntity<JsonNode> created = rest.withBasicAuth(ADMIN, IntegrationTest.ADMIN_PASSWORD)
                .postForEntity("/api/v1/accounts", body, JsonNode.class);
        assertThat(created.getStatusCode()).as("create %s: %s", account.name(), created.getBody())
                .isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("id").asLong();
    }

    private void fill(NewAccount account) {
        browser.type("name", account.name());
        browser.type("companyName", account.company());
        browser.type("companyAddress", "1 Harbour Road");
        browser.type("companyCountry", "Ireland");
        browser.type("companyPhone", "+353 1 555 0100");
        browser.type("contactFirstName", "Aoife");
        browser.type("contactLastName", "Byrne");
        browser.type("contactEmail", account.email());
        browser.type("registrationUser", account.registrationUser());
        browser.type("registrationPassword", PASSWORD);
        browser.type("portalUser", account.portalUser());
        browser.type("portalPassword", PASSWORD);
        for (String service : List.of("Threat Discovery", "Outbreak Containment")) {
            browser.click(By.xpath("//label[span[normalize-space()='" + service + "']]"));
            assertThat(browser.waitFor(By.xpath("//label[span[normalize-space()='" + service + "']]"
                    + "/preceding-sibling::input[@name='serviceIds']")).isSelected()).as(service).isTrue();
        }
        new Select(browser.waitForId("managedById")).selectByValue(String.valueOf(adminId()));
        browser.setValue("validFrom", "2026-01-01");
        browser.setValue("validTo", "2027-12-31");
        assertThat(browser.value("validFrom")).isEqualTo("2026-01-01");
        assertThat(browser.value("validTo")).isEqualTo("2027-12-31");
        new Select(browser.waitForId("reportLanguage")).selectByValue("de");
    }

    private long save(NewAccount account) {
        browser.clickAndLoad(By.id("save-account"));
        browser.waitForPath("/accounts/\\d+");
        assertThat(browser.text(By.id("account-name"))).isEqualTo(account.name());
        return Long.parseLong(browser.path().substring("/accounts/".length()));
    }

    private void filter(String text) {
        browser.type("q", text);
        browser.clickAndLoad(By.cssSelector("form[role=search] button[type=submit]"));
        browser.waitForPath("/accounts\\?.*q=" + text + ".*");
    }

    private void assertForbidden() {
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Not allowed");
        assertThat(browser.text(By.cssSelector("main .display-4"))).isEqualTo("403");
    }

    private List<String> cells(long accountId) {
        return browser.waitForId("account-" + accountId).findElements(By.tagName("td")).stream()
                .map(td -> td.getText().trim()).toList();
    }

    private List<Long> rowIds() {
        return browser.all(By.cssSelector("#accounts tbody tr")).stream()
                .map(tr -> Long.parseLong(tr.getDomAttribute("id").substring("account-".length()))).toList();
    }

    private long adminId() {
        return jdbc.queryForObject("select id from users where username = ?", Long.class, ADMIN);
    }

    private String adminLabel() {
        return jdbc.queryForObject("select coalesce(display_name, username) from users where username = ?",
                String.class, ADMIN);
    }

    private long accountCount() {
        return jdbc.queryForObject("select count(*) from accounts", Long.class);
    }

    private long accountCount(String name) {
        return jdbc.queryForObject("select count(*) from accounts where name = ?", Long.class, name);
    }

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** An account to create; its logons and e-mail derive from the unique name, so they are unique too. */
    private record NewAccount(String name, String company) {
        String key() {
            return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }

        String portalUser() {
            return key() + "-portal";
        }

        String registrationUser() {
            return key() + "-reg";
        }

        String email() {
            return "aoife@" + key() + ".example";
        }
    }
}
