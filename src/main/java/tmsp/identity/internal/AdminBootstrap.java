package tmsp.identity.internal;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.identity.Passwords;
import tmsp.identity.Role;

/** Creates the first administrator, {@code admin}, when the portal starts on an empty database. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Users users;
    private final PasswordEncoder encoder;
    private final String configuredPassword;

    AdminBootstrap(Users users, PasswordEncoder encoder, @Value("${tmsp.admin-password:}") String configuredPassword) {
        this.users = users;
        this.encoder = encoder;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.existsByUsername(ADMIN)) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? Passwords.generate(20) : configuredPassword;
        User admin = new User(ADMIN, encoder.encode(password), EnumSet.of(Role.ADMIN), null);
        admin.describe("Portal administrator", null);
        users.save(admin);
        if (generated) {
            log.warn("\n\n    First start: created user 'admin' with the generated password: {}\n"
                    + "    It is printed only this once. Set TMSP_ADMIN_PASSWORD to choose it.\n", password);
        } else {
            log.info("First start: created user 'admin' with the password from TMSP_ADMIN_PASSWORD");
        }
    }
}
