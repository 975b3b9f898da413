package tmsp.account.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.groups.Default;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tmsp.identity.CustomerLogons;

/** Accounts for scripts: {@code /api/v1/accounts}. Errors are problem details (see {@link AccountApiProblems}). */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Customer accounts and their contact lists")
class AccountApiController {

    record Page(List<AccountListQuery.Row> items, long total, int page, int size) {
    }

    private final AccountManagement management;
    private final AccountDeletion deletion;
    private final AccountListQuery list;
    private final CustomerLogons logons;

    AccountApiController(AccountManagement management, AccountDeletion deletion, AccountListQuery list,
                         CustomerLogons logons) {
        this.management = management;
        this.deletion = deletion;
        this.list = list;
        this.logons = logons;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "List accounts as the Customer Accounts screen does: filter, sort, page")
    Page list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "name") String sort,
              @RequestParam(defaultValue = "asc") String dir, @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "25") int size) {
        AccountListQuery.Result result = list.find(new AccountListQuery.Request(q, sort, !"desc".equals(dir), page, size));
        return new Page(result.rows(), result.total(), result.request().page(), result.request().size());
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create an account with its portal logon and product-registration credentials")
    ResponseEntity<AccountView> create(@Validated({Default.class, AccountForm.OnCreate.class}) @RequestBody AccountForm form) {
        Account account = management.create(form);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.getId()))
                .body(AccountView.of(account, form.getPortalUser().trim().toLowerCase(java.util.Locale.ROOT)));
    }

    @GetMapping("/{id}")
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    @Operation(summary = "One account; a customer may read only its own")
    AccountView get(@PathVariable Long id) {
        return AccountView.of(management.get(id), logons.usernameOf(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace an account's details; omitted passwords are kept")
    AccountView update(@PathVariable Long id, @Validated @RequestBody AccountForm form) {
        management.update(id, form);
        return get(id);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Delete an account (runs the account-deletion process): 204 when it is gone; 202 while "
            + "the process waits for an administrator to move its products (Location: the deletion's state)")
    ResponseEntity<DeletionView> delete(@PathVariable Long id) {
        AccountDeletion.State state = deletion.request(id);
        return state.done() ? ResponseEntity.noContent().build()
                : ResponseEntity.accepted().location(DeletionView.location(id)).body(DeletionView.of(state));
    }

    @GetMapping("/{id}/deletion")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The account's deletion: WAITING (with the task it waits for) or DONE; 404 if none was requested")
    DeletionView deletion(@PathVariable Long id) {
        return deletion.latest(id).map(DeletionView::of).orElseThrow(() -> new AccountNotFound(id));
    }

    @GetMapping("/{id}/contacts")
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    @Operation(summary = "The account's contact list")
    List<AccountView.ContactView> contacts(@PathVariable Long id) {
        return management.get(id).getContacts().stream().map(AccountView.ContactView::of).toList();
    }

    @PostMapping("/{id}/contacts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a contact (name, email, language)")
    ResponseEntity<AccountView.ContactView> addContact(@PathVariable Long id, @Validated @RequestBody ContactForm form) {
        Contact contact = management.addContact(id, form);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + id + "/contacts/" + contact.getId()))
                .body(AccountView.ContactView.of(contact));
    }

    @DeleteMapping("/{id}/contacts/{contactId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a contact")
    ResponseEntity<Void> removeContact(@PathVariable Long id, @PathVariable long contactId) {
        management.removeContact(id, contactId);
        return ResponseEntity.noContent().build();
    }
}
