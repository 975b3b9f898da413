package tmsp.account;

import java.util.Optional;

/** The language an account's reports are written in (the account form's Report language). */
public interface AccountReportLanguage {

    /** {@code en}, {@code de}, ...; empty for an account that does not exist. */
    Optional<String> of(long accountId);
}
