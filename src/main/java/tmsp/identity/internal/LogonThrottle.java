package tmsp.identity.internal;

import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed logons per user so that guessing passwords slows down and then stops. */
@Component
class LogonThrottle {

    private final Users users;

    LogonThrottle(Users users) {
        this.users = users;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        users.findByUsername(User.normalise(event.getAuthentication().getName()))
                .ifPresent(user -> user.logonFailed(Instant.now()));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        users.findByUsername(User.normalise(event.getAuthentication().getName()))
                .ifPresent(user -> user.logonSucceeded(Instant.now()));
    }
}
