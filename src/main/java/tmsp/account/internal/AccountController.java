package tmsp.account.internal;

import jakarta.validation.groups.Default;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.account.AccountPageSection;
import tmsp.identity.Administrators;
import tmsp.identity.CustomerLogons;

/** The Customer Accounts screen, the account page and the Add / Edit / Delete tasks. */
@Controller
@RequestMapping("/accounts")
class AccountController {

    private static final String FORM = "account/form";

    private final AccountListQuery list;
    private final AccountManagement management;
    private final AccountDeletion deletion;
    private final Administrators administrators;
    private final CustomerLogons logons;
    private final List<AccountPageSection> sections;

    AccountController(AccountListQuery list, AccountManagement management, AccountDeletion deletion,
                      Administrators administrators, CustomerLogons logons, List<AccountPageSection> sections) {
        this.list = list;
        this.management = management;
        this.deletion = deletion;
        this.administrators = administrators;
        this.logons = logons;
        this.sections = sections.stream().sorted(Comparator.comparingInt(AccountPageSection::order)).toList();
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "name") String sort,
                @RequestParam(defaultValue = "asc") String dir, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "25") int size, Model model) {
        model.addAttribute("result", list.find(new AccountListQuery.Request(q, sort, !"desc".equals(dir), page, size)));
        return "account/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('ADMIN')")
    String createForm(Model model) {
        AccountForm form = new AccountForm();
        form.setValidFrom(java.time.LocalDate.now());
        return showForm(model, form, null);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String create(@Validated({Default.class, AccountForm.OnCreate.class}) @ModelAttribute("account") AccountForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Account account = management.create(form);
                flash(redirect, "accounts.created", account.getName());
                return "redirect:/accounts/" + account.getId();
            } catch (AccountRejected rejected) {
                reject(errors, rejected);
            }
        }
        return showForm(model, form, null);
    }

    @GetMapping("/{id}")
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    String show(@PathVariable Long id, Model model) {
        Account account = management.get(id);
        model.addAttribute("account", account);
        model.addAttribute("portalUser", logons.usernameOf(id));
        model.addAttribute("managedBy", account.getManagedById() == null ? null
                : administrators.byId(account.getManagedById()).map(a -> a.label()).orElse(null));
        if (!model.containsAttribute("contact")) {
            model.addAttribute("contact", new ContactForm());
        }
        model.addAttribute("languages", ReportLanguages.CODES);
        model.addAttribute("pendingDeletion", deletion.pending(id).orElse(null));
        model.addAttribute("sections", sections.stream()
                .map(s -> RenderedSection.of(s, id)).toList());
        return "account/show";
    }

    /** A section's fragment with the model it renders, for {@code account/show}. */
    record RenderedSection(String template, String selector, java.util.Map<String, Object> model) {
        static RenderedSection of(AccountPageSection section, long accountId) {
            String[] parts = section.fragment().split("::");
            return new RenderedSection(parts[0].trim(), parts[1].trim(), section.model(accountId));
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String editForm(@PathVariable Long id, Model model) {
        Account account = management.get(id);
        return showForm(model, AccountForms.of(account, logons.usernameOf(id)), account);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable Long id, @Validated @ModelAttribute("account") AccountForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        Account existing = management.get(id);
        if (!errors.hasErrors()) {
            try {
                management.update(id, form);
                flash(redirect, "accounts.updated", form.getName());
                return "redirect:/accounts/" + id;
            } catch (AccountRejected rejected) {
                reject(errors, rejected);
            }
        }
        return showForm(model, form, existing);
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable Long id, RedirectAttributes redirect) {
        String name = management.get(id).getName();
        try {
            if (deletion.request(id).done()) {
                flash(redirect, "accounts.deleted", name);
                return "redirect:/accounts";
            }
            flash(redirect, "accounts.deletionWaits", name); // the account page links the waiting task
            return "redirect:/accounts/" + id;
        } catch (AccountRejected rejected) {
            redirect.addFlashAttribute("error", rejected.problems().get(0).code());
            redirect.addFlashAttribute("flashArg", name);
            return "redirect:/accounts/" + id;
        }
    }

    @PostMapping("/{id}/contacts")
    @PreAuthorize("hasRole('ADMIN')")
    String addContact(@PathVariable Long id, @Validated @ModelAttribute("contact") ContactForm form,
                      BindingResult errors, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                management.addContact(id, form);
                flash(redirect, "contacts.added", form.getEmail());
                return "redirect:/accounts/" + id + "#contacts";
            } catch (AccountRejected rejected) {
                reject(errors, rejected);
            }
        }
        redirect.addFlashAttribute("org.springframework.validation.BindingResult.contact", errors);
        redirect.addFlashAttribute("contact", form);
        return "redirect:/accounts/" + id + "#contacts";
    }

    @PostMapping("/{id}/contacts/{contactId}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String removeContact(@PathVariable Long id, @PathVariable long contactId, RedirectAttributes redirect) {
        management.removeContact(id, contactId);
        flash(redirect, "contacts.removed", null);
        return "redirect:/accounts/" + id + "#contacts";
    }

    private String showForm(Model model, AccountForm form, Account editing) {
        form.setRegistrationPassword(null); // passwords are never sent back to the browser
        form.setPortalPassword(null);
        model.addAttribute("account", form);
        model.addAttribute("editing", editing);
        model.addAttribute("catalogue", management.catalogue());
        model.addAttribute("administrators", administrators.all());
        model.addAttribute("languages", ReportLanguages.CODES);
        return FORM;
    }

    private static void reject(BindingResult errors, AccountRejected rejected) {
        rejected.problems().forEach(p -> errors.rejectValue(p.field(), p.code()));
    }

    private static void flash(RedirectAttributes redirect, String key, String arg) {
        redirect.addFlashAttribute("success", key);
        redirect.addFlashAttribute("flashArg", arg);
    }
}
