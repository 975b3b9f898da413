package tmsp.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import tmsp.identity.CurrentUser;
import tmsp.identity.PortalUser;
import tmsp.identity.Role;

/** Staff land on the Customer Accounts screen, a customer on its own account. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        PortalUser user = CurrentUser.get().orElseThrow();
        if (user.has(Role.ADMIN) || user.has(Role.ANALYST) || user.accountId() == null) {
            return "redirect:/accounts";
        }
        return "redirect:/accounts/" + user.accountId();
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
