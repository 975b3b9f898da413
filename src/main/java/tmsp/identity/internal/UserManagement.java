package tmsp.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.identity.CurrentUser;
import tmsp.identity.Role;
import tmsp.identity.UserChanged;

/** What administrators do to users. Guards the rules that keep the portal administrable. */
@Service
@Transactional
class UserManagement {

    /** Staff roles an administrator assigns here; customer logons come with their account. */
    static final Set<Role> STAFF_ROLES = EnumSet.of(Role.ADMIN, Role.ANALYST);

    static class RuleViolation extends RuntimeException {
        final String messageKey;

        RuleViolation(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }
    }

    private final Users users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    UserManagement(Users users, PasswordEncoder encoder, ApplicationEventPublisher events) {
        this.users = users;
        this.encoder = encoder;
        this.events = events;
    }

    @Transactional(readOnly = true)
    List<User> all() {
        return users.findAllByOrderByUsernameAsc();
    }

    @Transactional(readOnly = true)
    User get(long id) {
        return users.findById(id).orElseThrow(() -> new RuleViolation("users.notFound"));
    }

    @Transactional(readOnly = true)
    boolean usernameTaken(String username) {
        return users.existsByUsername(User.normalise(username));
    }

    User create(UserForm form) {
        requireStaffRoles(form.getRoles());
        User user = new User(form.getUsername(), encoder.encode(form.getPassword()), form.getRoles(), null);
        user.describe(form.getDisplayName(), form.getEmail());
        users.save(user);
        changed(user, "created with roles " + user.getRoles());
        return user;
    }

    void update(long id, UserForm form) {
        User user = get(id);
        user.describe(form.getDisplayName(), form.getEmail());
        if (user.getAccountId() == null) {
            requireStaffRoles(form.getRoles());
            if (isSelf(user) && !form.getRoles().contains(Role.ADMIN)) {
                throw new RuleViolation("users.cannotDemoteSelf");
            }
            if (!user.getRoles().equals(form.getRoles())) {
                user.assignRoles(form.getRoles());
                changed(user, "roles set to " + user.getRoles());
            }
        }
        changed(user, "details edited");
    }

    void resetPassword(long id, String rawPassword) {
        if (rawPassword == null || rawPassword.length() < 10 || rawPassword.length() > 128) {
            throw new RuleViolation("validation.password");
        }
        User user = get(id);
        user.changePassword(encoder.encode(rawPassword));
        changed(user, "password reset");
    }

    void disable(long id) {
        User user = get(id);
        if (isSelf(user)) {
            throw new RuleViolation("users.cannotDisableSelf");
        }
        user.disable();
        changed(user, "disabled");
    }

    void enable(long id) {
        User user = get(id);
        user.enable();
        changed(user, "enabled");
    }

    void unlock(long id) {
        User user = get(id);
        if (user.isLocked(Instant.now()) || user.getFailedLogons() > 0) {
            user.unlock();
            changed(user, "unlocked");
        }
    }

    private static void requireStaffRoles(Set<Role> roles) {
        if (roles.isEmpty() || !STAFF_ROLES.containsAll(roles)) {
            throw new RuleViolation("users.rolesRequired");
        }
    }

    private static boolean isSelf(User user) {
        return CurrentUser.get().map(me -> me.id() == user.getId()).orElse(false);
    }

    private void changed(User user, String what) {
        events.publishEvent(new UserChanged(CurrentUser.name(), user.getUsername(), what));
    }
}
