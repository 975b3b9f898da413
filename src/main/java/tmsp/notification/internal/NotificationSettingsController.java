package tmsp.notification.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.identity.CurrentUser;

/** Administration › Notifications: expiry warning days, the incident volume monitor, the heartbeat interval. */
@Controller
@RequestMapping("/admin/notifications")
@PreAuthorize("hasRole('ADMIN')")
class NotificationSettingsController {

    private static final String PAGE = "notification/settings";

    private final NotificationSettingsStore store;

    NotificationSettingsController(NotificationSettingsStore store) {
        this.store = store;
    }

    @GetMapping
    String page(Model model) {
        var stored = store.stored();
        model.addAttribute("settings", NotificationSettingsForm.of(store.current(stored)));
        stored.ifPresentOrElse(row -> {
            model.addAttribute("updatedBy", row.updatedBy());
            model.addAttribute("updatedAt", row.updatedAt());
        }, () -> model.addAttribute("fromConfiguration", true));
        return PAGE;
    }

    @PostMapping
    String save(@Validated @ModelAttribute("settings") NotificationSettingsForm form, BindingResult errors,
                RedirectAttributes redirect) {
        form.validate(errors);
        if (errors.hasErrors()) {
            return PAGE;
        }
        store.change(form.toSettings(), CurrentUser.name());
        redirect.addFlashAttribute("success", "notification.settings.saved");
        return "redirect:/admin/notifications";
    }
}
