package tmsp.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The badge of a menu entry, fetched by the page once it has loaded (htmx): one count per page shown, none for
 * redirects and fragments, and none inside the statements of the page itself.
 */
@Controller
class MenuBadges {

    private final List<MenuEntry> entries;

    MenuBadges(ObjectProvider<MenuEntry> entries) {
        this.entries = entries.stream().filter(e -> e.badge() != null).toList();
    }

    @GetMapping("/menu/badge")
    String badge(@RequestParam String path, Authentication authentication, Model model) {
        long count = entries.stream().filter(e -> e.path().equals(path) && e.visibleTo(authentication)).findFirst()
                .map(e -> e.badge().count(authentication)).orElse(0L);
        model.addAttribute("count", count);
        return "fragments/menu-badge :: badge";
    }
}
