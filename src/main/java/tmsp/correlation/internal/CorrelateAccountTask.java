package tmsp.correlation.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Correlate the account's day": one run, by its id. Idempotent: a done run is skipped. */
@Component("correlateAccountTask")
class CorrelateAccountTask implements JavaDelegate {

    private final AccountCorrelation correlation;

    CorrelateAccountTask(AccountCorrelation correlation) {
        this.correlation = correlation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        correlation.run(((Number) execution.getVariable(CorrelationProcess.RUN_ID)).longValue());
    }
}
