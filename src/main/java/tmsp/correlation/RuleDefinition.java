package tmsp.correlation;

import java.time.Duration;
import java.util.List;

/**
 * What a rule says about itself in its DRL metadata: {@code @id}, {@code @severity}, {@code @attack} (ATT&CK
 * technique ids), {@code @tactics}, {@code @description}, {@code @falsePositives}, and its parameters with the
 * values in force ({@code @params}).
 */
public record RuleDefinition(String id, String name, String file, int line, String severity, List<String> attack,
                             List<String> tactics, String description, String falsePositives,
                             List<RuleParameter> parameters) {

    public static final List<String> SEVERITIES = List.of("informational", "low", "medium", "high", "critical");

    /**
     * How far apart two findings of this rule for the same grouping may be and still be one incident: its
     * longest window, or an hour when it has none.
     */
    public Duration episodeGap() {
        return longestWindow().isZero() ? Duration.ofHours(1) : longestWindow();
    }

    public Duration longestWindow() {
        return parameters.stream().filter(p -> p.type() == RuleParameter.Type.DURATION)
                .map(RuleParameter::duration).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
