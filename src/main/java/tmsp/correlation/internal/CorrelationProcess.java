package tmsp.correlation.internal;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts {@code processes/daily-correlation.bpmn}; its names are shared by the starter, the delegates and the
 * process tests. Variables are primitives; {@value #RUN_IDS} is transient (read in the same transaction).
 */
@Component
class CorrelationProcess {

    static final String KEY = "daily-correlation";
    static final String NIGHTLY_DUE = "correlation-nightly-due";
    static final String RUN_REQUESTED = "correlation-run-requested";
    /** The nightly run's day, an ISO date. */
    static final String DAY = "day";
    static final String RUN_IDS = "runIds";
    /** One run's id, the multi-instance element. */
    static final String RUN_ID = "runId";
    static final String CORRELATE_ACTIVITY = "correlate-account";

    private final RuntimeService runtime;

    CorrelationProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    void startNightly(LocalDate day) {
        runtime.createMessageCorrelation(NIGHTLY_DUE).processInstanceBusinessKey(nightlyKey(day))
                .setVariable(DAY, day.toString()).correlateStartMessage();
    }

    void startRun(long runId) {
        runtime.createMessageCorrelation(RUN_REQUESTED).processInstanceBusinessKey(runKey(runId))
                .setVariable(RUN_IDS, runIds(List.of(runId))).correlateStartMessage();
    }

    static Object runIds(List<Long> ids) {
        return Variables.objectValue(ids, true).create();
    }

    static String nightlyKey(LocalDate day) {
        return "nightly-" + day;
    }

    static String runKey(long runId) {
        return "run-" + runId;
    }
}
