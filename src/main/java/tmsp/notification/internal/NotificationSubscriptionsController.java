package tmsp.notification.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tmsp.account.AccountLookup;
import tmsp.account.AccountRecipients;
import tmsp.identity.CurrentUser;
import tmsp.notification.internal.NotificationSubscriptions.Subscription;

/**
 * Configure Notifications: a table of event types by recipients with a tick where the recipient is told. Each
 * tick is posted as {@code subscription=EVENT_TYPE:recipient-key}.
 */
@Controller
@RequestMapping("/accounts/{id}/notifications")
@PreAuthorize("hasRole('ADMIN')")
class NotificationSubscriptionsController {

    private final NotificationSubscriptions subscriptions;
    private final AccountRecipients recipients;
    private final AccountLookup accounts;

    NotificationSubscriptionsController(NotificationSubscriptions subscriptions, AccountRecipients recipients,
                                        AccountLookup accounts) {
        this.subscriptions = subscriptions;
        this.recipients = recipients;
        this.accounts = accounts;
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        model.addAttribute("account", accounts.byId(id).orElseThrow(() -> notFound(id)));
        model.addAttribute("recipients", recipients.of(id));
        model.addAttribute("eventTypes", NotificationEventType.values());
        model.addAttribute("ticked", subscriptions.of(id).stream().map(s -> s.eventType() + ":" + s.recipientKey()).toList());
        return "notification/subscriptions";
    }

    @PostMapping
    String save(@PathVariable long id, @RequestParam(name = "subscription", required = false) List<String> ticks,
                RedirectAttributes redirect) {
        accounts.byId(id).orElseThrow(() -> notFound(id));
        Set<Subscription> chosen = new HashSet<>();
        for (String tick : ticks == null ? List.<String>of() : ticks) {
            chosen.add(parse(tick));
        }
        subscriptions.replace(id, chosen, CurrentUser.name());
        redirect.addFlashAttribute("success", "notification.subscriptions.saved");
        return "redirect:/accounts/" + id + "/notifications";
    }

    private static Subscription parse(String tick) {
        int colon = tick.indexOf(':');
        try {
            return new Subscription(NotificationEventType.valueOf(tick.substring(0, Math.max(colon, 0))),
                    tick.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not an event type and recipient: " + tick);
        }
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No account " + id);
    }
}
