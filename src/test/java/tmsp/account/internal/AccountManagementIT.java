package tmsp.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import tmsp.identity.Administrators;
import tmsp.identity.PortalUser;
import tmsp.identity.Role;
import tmsp.support.IntegrationTest;

@IntegrationTest
class AccountManagementIT {

    @Autowired AccountManagement management;
    @Autowired AccountDeletion deletion;
    @Autowired Administrators administrators;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    long adminId;
    Set<Long> services;

    @BeforeEach
    void setUp() {
        adminId = administrators.all().get(0).id();
        services = Set.copyOf(jdbc.queryForList("select id from services where code in ('THREAT_DISCOVERY','THREAT_MITIGATION')", Long.class));
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createStoresEveryFieldHashesSecretsAndCreatesTheCustomerLogon() {
        AccountForm form = AccountFixtures.form(unique("Contoso"), adminId, services);
        Account account = management.create(form);

        Map<String, Object> row = jdbc.queryForMap("select * from accounts where id = ?", account.getId());
        assertThat(row).containsEntry("name", form.getName()).containsEntry("company_name", form.getCompanyName())
                .containsEntry("company_address", "1 Harbour Road").containsEntry("company_country", "Ireland")
                .containsEntry("company_phone", "+353 1 555 0100").containsEntry("contact_first_name", "Aoife")
                .containsEntry("contact_last_name", "Byrne").containsEntry("contact_email", form.getContactEmail())
                .containsEntry("registration_user", form.getRegistrationUser()).containsEntry("managed_by_id", adminId)
                .containsEntry("report_language", "en").containsEntry("services_label", "Threat Discovery, Threat Mitigation");
        String hash = (String) row.get("registration_password_hash");
        assertThat(hash).isNotEqualTo(AccountFixtures.PASSWORD).startsWith("$2");
        assertThat(encoder.matches(AccountFixtures.PASSWORD, hash)).isTrue();
        assertThat(row.get("incident_count")).isNull();
        assertThat(row.get("last_received")).isNull();

        PortalUser logon = (PortalUser) users.loadUserByUsername(form.getPortalUser());
        assertThat(logon.roles()).containsExactly(Role.CUSTOMER);
        assertThat(logon.accountId()).isEqualTo(account.getId());
        assertThat(encoder.matches(AccountFixtures.PASSWORD, logon.getPassword())).isTrue();
        assertThat(auditActions(form.getName())).contains("ACCOUNT_CREATED");
    }

    @Test
    void accountNamesAreUniqueRegardlessOfCase() {
        String name = unique("Fabrikam");
        management.create(AccountFixtures.form(name, adminId, services));
        AccountForm again = AccountFixtures.form(name.toUpperCase(), adminId, services);
        again.setRegistrationUser(again.getRegistrationUser() + "2");
        again.setPortalUser(again.getPortalUser() + "2");

        assertThatThrownBy(() -> management.create(again)).isInstanceOfSatisfying(AccountRejected.class, e -> {
            assertThat(e.isConflict()).isTrue();
            assertThat(e.problems()).extracting(AccountRejected.FieldProblem::field).containsExactly("name");
        });
    }

    @Test
    void takenLogonsAndBadDatesAreFieldErrorsAndNothingIsWritten() {
        AccountForm first = AccountFixtures.form(unique("Northwind"), adminId, services);
        management.create(first);
        AccountForm clash = AccountFixtures.form(unique("Southwind"), adminId, services);
        clash.setPortalUser(first.getPortalUser());
        clash.setRegistrationUser(first.getRegistrationUser());
        long before = count();

        assertThatThrownBy(() -> management.create(clash)).isInstanceOfSatisfying(AccountRejected.class, e ->
                assertThat(e.problems()).extracting(AccountRejected.FieldProblem::field)
                        .containsExactlyInAnyOrder("registrationUser", "portalUser"));

        AccountForm dates = AccountFixtures.form(unique("Eastwind"), adminId, services);
        dates.setValidTo(dates.getValidFrom().minusDays(1));
        dates.setManagedById(-1L);
        assertThatThrownBy(() -> management.create(dates)).isInstanceOfSatisfying(AccountRejected.class, e ->
                assertThat(e.problems()).extracting(AccountRejected.FieldProblem::field)
                        .containsExactlyInAnyOrder("validTo", "managedById"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void editKeepsPasswordsWhenLeftBlankAndLogsWhatChanged() {
        AccountForm form = AccountFixtures.form(unique("Woodgrove"), adminId, services);
        Account account = management.create(form);
        String hashBefore = jdbc.queryForObject("select registration_password_hash from accounts where id = ?",
                String.class, account.getId());

        AccountForm edit = AccountForms.of(management.get(account.getId()), form.getPortalUser());
        edit.setCompanyName("Woodgrove Bank plc");
        edit.setPortalUser(form.getPortalUser() + "-new");
        management.update(account.getId(), edit);

        assertThat(jdbc.queryForObject("select registration_password_hash from accounts where id = ?", String.class,
                account.getId())).isEqualTo(hashBefore);
        PortalUser renamed = (PortalUser) users.loadUserByUsername(form.getPortalUser() + "-new");
        assertThat(encoder.matches(AccountFixtures.PASSWORD, renamed.getPassword())).isTrue();
        assertThat(jdbc.queryForObject("select details from audit_events where action = 'ACCOUNT_EDITED' and target like ?",
                String.class, "%" + form.getName() + "%")).isEqualTo("changed companyName, portalUser");
    }

    @Test
    void contactsAreAddedOnceAndRemoved() {
        Account account = management.create(AccountFixtures.form(unique("Tailspin"), adminId, services));
        ContactForm contact = new ContactForm();
        contact.setName("Ines Duarte");
        contact.setEmail("Ines@Tailspin.example");
        contact.setLanguage("es");
        Contact added = management.addContact(account.getId(), contact);
        assertThat(added.getEmail()).isEqualTo("ines@tailspin.example");

        assertThatThrownBy(() -> management.addContact(account.getId(), contact))
                .isInstanceOfSatisfying(AccountRejected.class, e -> assertThat(e.isConflict()).isTrue());

        management.removeContact(account.getId(), added.getId());
        assertThat(management.get(account.getId()).getContacts()).isEmpty();
        assertThat(auditActions(account.getName())).contains("CONTACT_ADDED", "CONTACT_REMOVED");
    }

    @Test
    void deletionRunsTheProcessAndRemovesAccountContactsAndLogon() {
        AccountForm form = AccountFixtures.form(unique("Litware"), adminId, services);
        Account account = management.create(form);
        ContactForm contact = new ContactForm();
        contact.setName("Kim");
        contact.setEmail("kim@litware.example");
        management.addContact(account.getId(), contact);

        assertThat(deletion.request(account.getId()).done()).isTrue();

        assertThat(jdbc.queryForObject("select count(*) from accounts where id = ?", Long.class, account.getId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from contacts where account_id = ?", Long.class, account.getId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from users where username = ?", Long.class, form.getPortalUser())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst where business_key_ = ? and end_time_ is not null",
                Long.class, "account-" + account.getId())).isEqualTo(1);
        assertThat(auditActions(form.getName())).contains("ACCOUNT_DELETED");
    }

    @Test
    void anAccountWithRegisteredProductsWaitsForThemToMoveAndStays() {
        Account account = management.create(AccountFixtures.form(unique("Proseware"), adminId, services));
        jdbc.update("insert into products (account_id, type, hostname, guid, registered_at) values (?, 'DISCOVERY', 'tda', ?, now())",
                account.getId(), UUID.randomUUID().toString());

        AccountDeletion.State state = deletion.request(account.getId());

        assertThat(state.done()).isFalse();
        assertThat(state.taskId()).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from accounts where id = ?", Long.class, account.getId())).isOne();
        assertThat(auditActions(account.getName())).doesNotContain("ACCOUNT_DELETED");
        assertThat(deletion.request(account.getId())).as("asked again, the same deletion").isEqualTo(state);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from accounts", Long.class);
    }

    private List<String> auditActions(String accountName) {
        return jdbc.queryForList("select action from audit_events where target like ? order by id", String.class,
                "%" + accountName + "%");
    }
}
