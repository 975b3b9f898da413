package tmsp.correlation.authoring;

import java.util.List;
import tmsp.correlation.RuleDefinition;
import tmsp.correlation.RuleProblem;

/** What *Check* found: the problems with their places, or the rules of a draft that compiles. */
public record CheckResult(List<RuleProblem> problems, List<RuleDefinition> rules) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
