package tmsp.account.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountSubscriptions;

/** The accounts' valid-to dates, one query. */
@Component
class AccountSubscriptionTerms implements AccountSubscriptions {

    private final Accounts accounts;

    AccountSubscriptionTerms(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Term> withEndDate() {
        return accounts.findAll().stream().filter(a -> a.getValidTo() != null)
                .map(a -> new Term(a.getId(), a.getName(), a.getValidTo())).toList();
    }
}
