package tmsp.report.internal;

import org.springframework.stereotype.Component;

/**
 * The report jobs' retry cycle from configuration, as the process reads it: {@code ${reportJobRetries.cycle}}.
 * Public: the expression language reads it by reflection.
 */
@Component("reportJobRetries")
public class ReportJobRetries {

    private final String cycle;

    ReportJobRetries(ReportSettings settings) {
        this.cycle = settings.retryCycle();
    }

    public String getCycle() {
        return cycle;
    }
}
