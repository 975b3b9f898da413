package tmsp.account.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountDeletionGuard;
import tmsp.account.AccountEvents.AccountDeleted;
import tmsp.account.AccountProducts;
import tmsp.identity.CustomerLogons;

/**
 * The steps of an account's deletion, each called by one service task of {@code processes/account-deletion.bpmn}.
 * Each may run again (jobs run at least once) and then finds its work done.
 */
@Service
@Transactional
class DeletionSteps {

    /** What the process needs to know before it deletes. */
    record Situation(boolean productsRegistered, boolean onlyAccount) {
    }

    /** Who asked, when, and where the products went: what the system log keeps of a deletion. */
    record Deletion(String requestedBy, Instant requestedAt, String productsMovedBy, Long productsMovedTo) {
    }

    private final Accounts accounts;
    private final AccountProducts products;
    private final CustomerLogons logons;
    private final ApplicationEventPublisher events;
    private final List<AccountDeletionGuard> guards;

    DeletionSteps(Accounts accounts, AccountProducts products, CustomerLogons logons, ApplicationEventPublisher events,
                  List<AccountDeletionGuard> guards) {
        this.accounts = accounts;
        this.products = products;
        this.logons = logons;
        this.events = events;
        this.guards = guards;
    }

    /** @throws AccountRejected (409) if another module objects to the deletion */
    @Transactional(readOnly = true)
    Situation check(long accountId) {
        accounts.findById(accountId).orElseThrow(() -> new AccountNotFound(accountId));
        refuseIfObjected(accountId);
        return new Situation(!products.registeredTo(accountId).isEmpty(), accounts.count() == 1);
    }

    /** @return how many products moved (none when run again) */
    int moveProducts(long accountId, long targetAccountId, String actor) {
        return products.moveAll(accountId, targetAccountId, actor);
    }

    /**
     * Removes the account with its operational data: products (and their tokens), portal logon, contacts, services.
     * Its incidents (and, once they exist, reports) stay until log maintenance purges them.
     */
    void delete(long accountId, Deletion deletion) {
        accounts.findById(accountId).ifPresent(account -> {
            refuseIfObjected(accountId);
            products.removeAll(accountId, deletion.requestedBy());
            logons.deleteFor(accountId);
            accounts.delete(account);
            events.publishEvent(new AccountDeleted(deletion.requestedBy(), accountId, account.getName(),
                    deletion.requestedAt(), deletion.productsMovedBy(), deletion.productsMovedTo()));
        });
    }

    private void refuseIfObjected(long accountId) {
        for (AccountDeletionGuard guard : guards) {
            guard.objection(accountId).ifPresent(reason -> {
                throw AccountRejected.of("id", reason, true);
            });
        }
    }
}
