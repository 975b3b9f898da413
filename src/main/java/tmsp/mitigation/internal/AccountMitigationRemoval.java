package tmsp.mitigation.internal;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tmsp.account.AccountEvents.AccountDeleted;

/**
 * A deleted account's threat mitigation goes with it: its cases (their history, patterns and deployments by
 * cascade), its endpoint statuses, the processes of its open cases and the stored samples and pattern files. The
 * files are removed once the rows are gone for good (after commit), so a rolled-back removal keeps them.
 */
@Component
class AccountMitigationRemoval {

    private final JdbcTemplate jdbc;
    private final FileStore store;
    private final RuntimeService runtime;

    AccountMitigationRemoval(JdbcTemplate jdbc, FileStore store, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.store = store;
        this.runtime = runtime;
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        long account = deleted.accountId();
        List<String> samples = jdbc.queryForList("select sample_file from mitigation_cases where account_id = ?",
                String.class, account);
        List<String> patterns = jdbc.queryForList("select p.stored_file from cleanup_patterns p"
                + " join mitigation_cases c on c.id = p.case_id where c.account_id = ?", String.class, account);
        List<String> processes = jdbc.queryForList("select process_instance_id from mitigation_cases"
                + " where account_id = ? and process_instance_id is not null", String.class, account);
        jdbc.update("delete from endpoint_statuses where account_id = ?", account);
        jdbc.update("delete from mitigation_cases where account_id = ?", account);
        if (!processes.isEmpty()) {
            runtime.deleteProcessInstancesIfExists(processes, "account #" + account + " deleted", true, true, true);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                samples.forEach(name -> store.delete(FileStore.Kind.SAMPLES, name));
                patterns.forEach(name -> store.delete(FileStore.Kind.PATTERNS, name));
            }
        });
    }
}
