package tmsp.correlation.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.RuleExceptions;
import tmsp.incident.IncidentFinding;
import tmsp.incident.IncidentSuppression;

/**
 * The rule exceptions of the rule set a run started with, as the verdict the incident recorder stores: a finding
 * is judged on the day of its last seen (in the correlation's zone).
 */
final class ExceptionVerdicts {

    private ExceptionVerdicts() {
    }

    static Function<IncidentFinding, IncidentSuppression> of(CompiledRules ruleSet, ZoneId zone) {
        if (ruleSet.exceptions().isEmpty()) {
            return finding -> null;
        }
        return finding -> RuleExceptions.suppressing(ruleSet.exceptions(), finding,
                        LocalDate.ofInstant(finding.lastSeen(), zone))
                .map(e -> new IncidentSuppression(e.id() == null ? 0 : e.id(),
                        RuleExceptions.describe(e, ruleSet.version())))
                .orElse(null);
    }

    /** How many of the findings no exception suppresses: what the account's Incidents column counts. */
    static int visible(List<IncidentFinding> findings, Function<IncidentFinding, IncidentSuppression> verdict) {
        return (int) findings.stream().filter(f -> verdict.apply(f) == null).count();
    }
}
