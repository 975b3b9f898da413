package tmsp.account.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Hibernate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountEvents.AccountCreated;
import tmsp.account.AccountEvents.AccountUpdated;
import tmsp.account.AccountEvents.ContactAdded;
import tmsp.account.AccountEvents.ContactRemoved;
import tmsp.account.internal.AccountRejected.FieldProblem;
import tmsp.identity.Administrators;
import tmsp.identity.CurrentUser;
import tmsp.identity.CustomerLogons;

/** Creates and edits accounts and their contact lists (deleting is a process: {@link AccountDeletion}), keeping every rule of the domain. */
@Service
@Transactional
class AccountManagement {

    private final Accounts accounts;
    private final ManagedServices services;
    private final CustomerLogons logons;
    private final Administrators administrators;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    AccountManagement(Accounts accounts, ManagedServices services, CustomerLogons logons,
                      Administrators administrators, PasswordEncoder encoder, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.services = services;
        this.logons = logons;
        this.administrators = administrators;
        this.encoder = encoder;
        this.events = events;
    }

    @Transactional(readOnly = true)
    Optional<Account> find(long id) {
        return accounts.findById(id);
    }

    /** The account with its contacts and services loaded, ready for a view outside the transaction. */
    @Transactional(readOnly = true)
    Account get(long id) {
        Account account = accounts.findById(id).orElseThrow(() -> new AccountNotFound(id));
        Hibernate.initialize(account.getContacts());
        Hibernate.initialize(account.getServices());
        return account;
    }

    @Transactional(readOnly = true)
    List<ManagedService> catalogue() {
        return services.findAllByOrderBySortOrderAsc();
    }

    Account create(AccountForm form) {
        check(form, null);
        Account account = Account.open(form.details(), encoder.encode(form.getRegistrationPassword()),
                chosenServices(form));
        account.refreshSearchText(managerNames(form.getManagedById()));
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException raced) {
            throw AccountRejected.of("name", "accounts.nameTaken", true);
        }
        logons.create(account.getId(), form.getPortalUser(), form.getPortalPassword());
        events.publishEvent(new AccountCreated(CurrentUser.name(), account.getId(), account.getName()));
        return account;
    }

    Account update(long id, AccountForm form) {
        Account account = get(id);
        check(form, account);
        String changes = AccountChanges.between(account, form, logons.usernameOf(id));
        account.revise(form.details());
        account.subscribe(chosenServices(form));
        account.refreshSearchText(managerNames(form.getManagedById()));
        if (form.getRegistrationPassword() != null) {
            account.changeRegistrationPassword(encoder.encode(form.getRegistrationPassword()));
        }
        logons.update(id, form.getPortalUser(), form.getPortalPassword());
        events.publishEvent(new AccountUpdated(CurrentUser.name(), id, account.getName(), changes));
        return account;
    }

    Contact addContact(long accountId, ContactForm form) {
        Account account = get(accountId);
        if (!ReportLanguages.supports(form.getLanguage())) {
            throw AccountRejected.of("language", "validation.language", false);
        }
        try {
            Contact contact = account.addContact(form.getName(), form.getEmail(), form.getLanguage());
            accounts.flush();
            events.publishEvent(new ContactAdded(CurrentUser.name(), accountId, account.getName(), contact.getEmail()));
            return contact;
        } catch (Account.DuplicateContactException duplicate) {
            throw AccountRejected.of("email", "contacts.duplicate", true);
        }
    }

    void removeContact(long accountId, long contactId) {
        Account account = get(accountId);
        Contact removed = account.removeContact(contactId).orElseThrow(() -> new AccountNotFound(accountId));
        events.publishEvent(new ContactRemoved(CurrentUser.name(), accountId, account.getName(), removed.getEmail()));
    }

    private void check(AccountForm form, Account existing) {
        Long id = existing == null ? null : existing.getId();
        List<FieldProblem> conflicts = new ArrayList<>();
        accounts.findByNameKey(Account.keyOf(form.getName())).filter(a -> !a.getId().equals(id))
                .ifPresent(a -> conflicts.add(new FieldProblem("name", "accounts.nameTaken")));
        accounts.findByRegistrationUser(form.getRegistrationUser().trim()).filter(a -> !a.getId().equals(id))
                .ifPresent(a -> conflicts.add(new FieldProblem("registrationUser", "accounts.registrationUserTaken")));
        if (logons.isTaken(form.getPortalUser(), id)) {
            conflicts.add(new FieldProblem("portalUser", "accounts.portalUserTaken"));
        }
        if (!conflicts.isEmpty()) {
            throw new AccountRejected(conflicts, true);
        }
        List<FieldProblem> invalid = new ArrayList<>();
        if (form.getValidTo() != null && form.getValidTo().isBefore(form.getValidFrom())) {
            invalid.add(new FieldProblem("validTo", "validation.validTo"));
        }
        if (administrators.byId(form.getManagedById()).isEmpty()) {
            invalid.add(new FieldProblem("managedById", "validation.managedBy"));
        }
        if (!ReportLanguages.supports(form.getReportLanguage())) {
            invalid.add(new FieldProblem("reportLanguage", "validation.language"));
        }
        if (chosenServices(form).size() != form.getServiceIds().size()) {
            invalid.add(new FieldProblem("serviceIds", "validation.services"));
        }
        if (!invalid.isEmpty()) {
            throw new AccountRejected(invalid, false);
        }
    }

    /** An administrator's names changed: the accounts they manage must still be found by them. */
    @org.springframework.context.event.EventListener
    public void on(tmsp.identity.UserChanged changed) {
        administrators.all().stream().filter(a -> a.username().equals(changed.username())).findFirst()
                .ifPresent(admin -> accounts.findByManagedById(admin.id())
                        .forEach(account -> account.refreshSearchText(managerNames(admin.id()))));
    }

    private String managerNames(Long managerId) {
        return managerId == null ? "" : administrators.byId(managerId)
                .map(a -> (a.displayName() == null ? "" : a.displayName() + " ") + a.username()).orElse("");
    }

    private Set<ManagedService> chosenServices(AccountForm form) {
        return new HashSet<>(services.findAllById(form.getServiceIds()));
    }
}
