package tmsp.account.internal;

import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.ProductRegistrationCredentials;

@Service
class RegistrationCredentialCheck implements ProductRegistrationCredentials {

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    /** Compared against when the user is unknown, so both answers take as long as a real check. */
    private final String decoy;

    RegistrationCredentialCheck(Accounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.decoy = encoder.encode("decoy-password-for-timing");
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> accountFor(String registrationUser, String rawPassword) {
        if (registrationUser == null || rawPassword == null) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.findByRegistrationUser(registrationUser.trim());
        String hash = account.map(Account::getRegistrationPasswordHash).orElse(decoy);
        boolean matches = encoder.matches(rawPassword, hash);
        return matches ? account.map(Account::getId) : Optional.empty();
    }
}
