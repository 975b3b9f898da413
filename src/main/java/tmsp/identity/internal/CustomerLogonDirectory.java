package tmsp.identity.internal;

import java.util.EnumSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.identity.CurrentUser;
import tmsp.identity.CustomerLogons;
import tmsp.identity.Role;
import tmsp.identity.UserChanged;

@Service
@Transactional
class CustomerLogonDirectory implements CustomerLogons {

    private final Users users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    CustomerLogonDirectory(Users users, PasswordEncoder encoder, ApplicationEventPublisher events) {
        this.users = users;
        this.encoder = encoder;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isTaken(String username, Long exceptAccountId) {
        return users.findByUsername(User.normalise(username))
                .filter(u -> exceptAccountId == null || !exceptAccountId.equals(u.getAccountId()))
                .isPresent();
    }

    @Override
    public void create(long accountId, String username, String rawPassword) {
        User user = users.save(new User(username, encoder.encode(rawPassword), EnumSet.of(Role.CUSTOMER), accountId));
        events.publishEvent(new UserChanged(CurrentUser.name(), user.getUsername(), "customer logon created"));
    }

    @Override
    public void update(long accountId, String username, String rawPasswordOrBlank) {
        User user = users.findByAccountId(accountId).orElseThrow();
        String before = user.getUsername();
        user.rename(username);
        if (!before.equals(user.getUsername())) {
            events.publishEvent(new UserChanged(CurrentUser.name(), user.getUsername(), "renamed from " + before));
        }
        if (rawPasswordOrBlank != null && !rawPasswordOrBlank.isBlank()) {
            user.changePassword(encoder.encode(rawPasswordOrBlank));
            events.publishEvent(new UserChanged(CurrentUser.name(), user.getUsername(), "password changed"));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public String usernameOf(long accountId) {
        return users.findByAccountId(accountId).map(User::getUsername).orElse(null);
    }

    @Override
    public void deleteFor(long accountId) {
        users.findByAccountId(accountId).ifPresent(user -> {
            users.delete(user);
            events.publishEvent(new UserChanged(CurrentUser.name(), user.getUsername(), "customer logon deleted"));
        });
    }
}
