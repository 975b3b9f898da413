package tmsp.account.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountActivity;
import tmsp.account.AccountLookup;
import tmsp.account.AccountSummary;
import tmsp.account.SecurityCompliance;

/** Single-column updates for the list's activity columns, so they never race with an edit. */
@Service
@Transactional
class AccountActivityRecorder implements AccountActivity, AccountLookup {

    private final Accounts accounts;

    AccountActivityRecorder(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void logsReceived(long accountId, Instant finishedAt) {
        accounts.moveLastReceived(accountId, finishedAt);
    }

    @Override
    public void complianceReported(long accountId, SecurityCompliance compliance) {
        accounts.setCompliance(accountId, compliance);
    }

    @Override
    public void incidentsCounted(long accountId, int incidents, Instant computedAt) {
        accounts.setIncidents(accountId, incidents, computedAt);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountSummary> byId(long id) {
        return accounts.findById(id).map(AccountActivityRecorder::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountSummary> byName(String name) {
        return name == null ? Optional.empty() : accounts.findByNameKey(Account.keyOf(name)).map(AccountActivityRecorder::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> allIds() {
        return accounts.findAllIds();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            accounts.findNames(ids).forEach(row -> names.put((Long) row[0], (String) row[1]));
        }
        return names;
    }

    private static AccountSummary summary(Account a) {
        return new AccountSummary(a.getId(), a.getName(), a.getCompanyName());
    }
}
