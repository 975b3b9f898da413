package tmsp.mitigation.internal;

import static tmsp.mitigation.internal.MitigationProcess.CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.VENDOR_CASE_BY;
import static tmsp.mitigation.internal.MitigationProcess.VENDOR_CASE_ID;
import static tmsp.mitigation.internal.MitigationProcess.number;
import static tmsp.mitigation.internal.MitigationProcess.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record the vendor's case ID" of threat-mitigation, in the transaction that completes the task. */
@Component("recordVendorCaseTask")
class RecordVendorCaseTask implements JavaDelegate {

    private final CaseWork work;

    RecordVendorCaseTask(CaseWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.recordVendorCase(number(execution, CASE_ID), text(execution, VENDOR_CASE_ID), text(execution, VENDOR_CASE_BY));
    }
}
