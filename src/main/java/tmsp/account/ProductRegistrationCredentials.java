package tmsp.account;

import java.util.Optional;

/** Checks the product-registration user and password an appliance presents when it registers. */
public interface ProductRegistrationCredentials {

    /** @return the account these credentials belong to, if user and password match */
    Optional<Long> accountFor(String registrationUser, String rawPassword);
}
