package tmsp.notification.internal;

import java.util.Locale;
import java.util.Optional;
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

/** Administration › Mail server: where notifications and reports are sent through, and a test mail. */
@Controller
@RequestMapping("/admin/mail")
@PreAuthorize("hasRole('ADMIN')")
class MailServerController {

    private static final String PAGE = "notification/mail-server";

    private final SmtpServerSettings settings;
    private final TestMail testMail;

    MailServerController(SmtpServerSettings settings, TestMail testMail) {
        this.settings = settings;
        this.testMail = testMail;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("test", new TestMailForm(null));
        return show(model, settings.stored(), true);
    }

    @PostMapping
    String save(@Validated @ModelAttribute("server") SmtpServerForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("test", new TestMailForm(null));
            return show(model, settings.stored(), false);
        }
        settings.change(form.toSettings(), CurrentUser.name());
        redirect.addFlashAttribute("success", "mail.saved");
        return "redirect:/admin/mail";
    }

    @PostMapping("/test")
    String test(@Validated @ModelAttribute("test") TestMailForm form, BindingResult errors, Model model,
                Locale locale, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return show(model, settings.stored(), true);
        }
        MailDelivery delivery = testMail.send(form.recipient(), locale, CurrentUser.name());
        redirect.addFlashAttribute(delivery.delivered() ? "success" : "error",
                delivery.delivered() ? "mail.test.delivered" : "mail.test.failed");
        redirect.addFlashAttribute("flashArg", delivery.answer());
        return "redirect:/admin/mail";
    }

    /** The page, from one read of the stored server; {@code fillForm} when the form is not the user's own input. */
    private String show(Model model, Optional<SmtpServer> stored, boolean fillForm) {
        if (fillForm) {
            model.addAttribute("server", SmtpServerForm.of(settings.current(stored)));
        }
        stored.ifPresentOrElse(server -> {
            model.addAttribute("updatedBy", server.updatedBy());
            model.addAttribute("updatedAt", server.updatedAt());
            model.addAttribute("passwordStored", server.settings().password() != null);
        }, () -> model.addAttribute("fromConfiguration", true));
        return PAGE;
    }
}
