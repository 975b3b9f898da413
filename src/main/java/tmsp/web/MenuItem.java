package tmsp.web;

import org.springframework.security.core.Authentication;

/**
 * A menu entry as one page shows it. The badge is counted only when the layout asks for it, and once: a request
 * that redirects or answers a fragment renders no menu and so costs no count query.
 */
public final class MenuItem {

    private final MenuEntry entry;
    private final Authentication authentication;
    private Long count;

    MenuItem(MenuEntry entry, Authentication authentication) {
        this.entry = entry;
        this.authentication = authentication;
    }

    public String labelKey() {
        return entry.labelKey();
    }

    public String path() {
        return entry.path();
    }

    public boolean hasBadge() {
        return entry.badge() != null;
    }

    /** The badge's count for the signed-in user, 0 when the entry has no badge. */
    public long count() {
        if (count == null) {
            count = hasBadge() ? entry.badge().count(authentication) : 0L;
        }
        return count;
    }
}
