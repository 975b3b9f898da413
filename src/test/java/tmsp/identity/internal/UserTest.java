package tmsp.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import tmsp.identity.Role;

class UserTest {

    final Instant now = Instant.parse("2026-11-27T10:00:00Z");

    private User user() {
        return new User("  Alice ", "{hash}", EnumSet.of(Role.ANALYST), null);
    }

    @Test
    void usernamesAreTrimmedAndLowerCased() {
        assertThat(user().getUsername()).isEqualTo("alice");
    }

    @Test
    void theFirstFailuresAreFreeThenEachOneMakesTheUserWaitLonger() {
        User user = user();
        for (int i = 0; i < User.FREE_FAILURES; i++) {
            user.logonFailed(now);
        }
        assertThat(user.isLocked(now)).isFalse();

        user.logonFailed(now);
        assertThat(user.getLockedUntil()).isEqualTo(now.plusSeconds(2));
        user.logonFailed(now);
        assertThat(user.getLockedUntil()).isEqualTo(now.plusSeconds(4));
        assertThat(user.isLocked(now.plusSeconds(3))).isTrue();
        assertThat(user.isLocked(now.plusSeconds(4))).isFalse();
    }

    @Test
    void persistentGuessingLocksTheUserForFifteenMinutes() {
        User user = user();
        for (int i = 0; i < User.LOCK_AFTER; i++) {
            user.logonFailed(now);
        }
        assertThat(user.getLockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(15)));
        assertThat(user.isLocked(now.plus(Duration.ofMinutes(14)))).isTrue();
    }

    @Test
    void aSuccessfulLogonOrAnUnlockClearsTheCount() {
        User user = user();
        for (int i = 0; i < 5; i++) {
            user.logonFailed(now);
        }
        user.logonSucceeded(now);
        assertThat(user.getFailedLogons()).isZero();
        assertThat(user.getLockedUntil()).isNull();
        assertThat(user.getLastLogonAt()).isEqualTo(now);

        user.logonFailed(now);
        user.unlock();
        assertThat(user.getFailedLogons()).isZero();
    }
}
