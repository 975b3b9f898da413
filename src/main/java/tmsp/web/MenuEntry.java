package tmsp.web;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * An item of the main menu, contributed by a module as a bean, so the layout needs no edit per feature: a top-level
 * item, or one of the Administration menu ({@link #administration}, for administrators).
 * {@code roles} are role names without prefix (e.g. {@code ADMIN}); empty means every signed-in user.
 * {@code badge}, when given, counts something waiting for the signed-in user, shown beside the label when above 0.
 * The page asks for it after loading ({@link MenuBadges}), so rendering a page costs no count and a page's own
 * statement count stays its own.
 */
public record MenuEntry(int order, String labelKey, String path, Set<String> roles, Badge badge, Section section) {

    /** Where the entry appears. */
    public enum Section { TOP, ADMINISTRATION }

    /** What a menu entry's badge counts for one user; asked once per page shown. */
    @FunctionalInterface
    public interface Badge {
        long count(Authentication authentication);
    }

    public MenuEntry(int order, String labelKey, String path, Set<String> roles, Badge badge) {
        this(order, labelKey, path, roles, badge, Section.TOP);
    }

    public MenuEntry(int order, String labelKey, String path, Set<String> roles) {
        this(order, labelKey, path, roles, null);
    }

    /** An item of the Administration menu, after the ones the layout has always listed, by {@code order}. */
    public static MenuEntry administration(int order, String labelKey, String path) {
        return new MenuEntry(order, labelKey, path, Set.of("ADMIN"), null, Section.ADMINISTRATION);
    }

    boolean visibleTo(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        return roles.isEmpty() || authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> roles.contains(a.startsWith("ROLE_") ? a.substring(5) : a));
    }
}
