package tmsp.account.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountReportLanguage;

/** Reads the report language from the account. */
@Component
class ReportLanguageLookup implements AccountReportLanguage {

    private final Accounts accounts;

    ReportLanguageLookup(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> of(long accountId) {
        return accounts.findById(accountId).map(Account::getReportLanguage);
    }
}
