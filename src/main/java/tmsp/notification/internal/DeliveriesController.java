package tmsp.notification.internal;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tmsp.account.AccountLookup;
import tmsp.account.AccountSummary;

/** An account's whole delivery log, newest first; a customer sees its own account's. */
@Controller
class DeliveriesController {

    static final int PAGE_SIZE = 50;

    private final DeliveryLog log;
    private final AccountLookup accounts;

    DeliveriesController(DeliveryLog log, AccountLookup accounts) {
        this.log = log;
        this.accounts = accounts;
    }

    @GetMapping("/accounts/{id}/deliveries")
    @PreAuthorize("@accountAccess.mayView(authentication, #id)")
    String list(@PathVariable Long id, @RequestParam(defaultValue = "0") int page, Model model) {
        AccountSummary account = accounts.byId(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No account " + id));
        model.addAttribute("account", account);
        model.addAttribute("deliveries", log.findByAccountIdOrderByAttemptedAtDescIdDesc(id,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("listPath", "/accounts/" + id + "/deliveries");
        return "notification/deliveries";
    }
}
