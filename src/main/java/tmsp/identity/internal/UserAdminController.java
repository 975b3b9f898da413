package tmsp.identity.internal;

import jakarta.validation.groups.Default;
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

/** Administration › Users: create staff users, edit roles, reset passwords, disable, unlock. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private static final String FORM = "identity/user-form";

    private final UserManagement management;

    UserAdminController(UserManagement management) {
        this.management = management;
    }

    @ModelAttribute("staffRoles")
    Object staffRoles() {
        return UserManagement.STAFF_ROLES;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", management.all());
        model.addAttribute("now", java.time.Instant.now());
        return "identity/users";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("user", new UserForm());
        return FORM;
    }

    @PostMapping("/new")
    String create(@Validated({Default.class, UserForm.OnCreate.class}) @ModelAttribute("user") UserForm form,
                  BindingResult errors, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("username") && management.usernameTaken(form.getUsername())) {
            errors.rejectValue("username", "users.usernameTaken");
        }
        if (form.getRoles().isEmpty()) {
            errors.rejectValue("roles", "users.rolesRequired");
        }
        if (errors.hasErrors()) {
            return FORM;
        }
        User user = management.create(form);
        redirect.addFlashAttribute("success", "users.created");
        redirect.addFlashAttribute("flashArg", user.getUsername());
        return "redirect:/admin/users";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        User user = management.get(id);
        model.addAttribute("user", UserForm.of(user));
        model.addAttribute("editing", user);
        return FORM;
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Validated @ModelAttribute("user") UserForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        User user = management.get(id);
        if (user.getAccountId() == null && form.getRoles().isEmpty()) {
            errors.rejectValue("roles", "users.rolesRequired");
        }
        if (errors.hasErrors()) {
            model.addAttribute("editing", user);
            return FORM;
        }
        return act(redirect, "users.updated", user, () -> management.update(id, form));
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        return act(redirect, "users.passwordReset", management.get(id), () -> management.resetPassword(id, password));
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "users.disabled", management.get(id), () -> management.disable(id));
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "users.enabled", management.get(id), () -> management.enable(id));
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "users.unlocked", management.get(id), () -> management.unlock(id));
    }

    private static String act(RedirectAttributes redirect, String successKey, User user, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", successKey);
        } catch (UserManagement.RuleViolation violation) {
            redirect.addFlashAttribute("error", violation.messageKey);
        }
        redirect.addFlashAttribute("flashArg", user.getUsername());
        return "redirect:/admin/users";
    }
}
