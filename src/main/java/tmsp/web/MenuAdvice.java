package tmsp.web;

import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the menu entries the modules contribute that the signed-in user may see, top level and Administration. */
@ControllerAdvice
class MenuAdvice {

    private final List<MenuEntry> entries;

    MenuAdvice(ObjectProvider<MenuEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
    }

    @ModelAttribute("menuEntries")
    List<MenuEntry> menuEntries() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return entries.stream().filter(e -> e.section() == MenuEntry.Section.TOP && e.visibleTo(authentication))
                .toList();
    }

    @ModelAttribute("administrationEntries")
    List<MenuEntry> administrationEntries() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return entries.stream()
                .filter(e -> e.section() == MenuEntry.Section.ADMINISTRATION && e.visibleTo(authentication)).toList();
    }
}
