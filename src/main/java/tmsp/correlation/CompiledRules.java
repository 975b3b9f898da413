package tmsp.correlation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * A rule set compiled once for stream-mode sessions: the KieBase, the sources and parameter overrides it was
 * built from, what its rules say about themselves, and the longest window its rules match detections over
 * ({@code detectionWindow}; windows over derived facts, such as a host's attack phases kept for a day, can be
 * longer). Immutable; sessions are made from it per run.
 */
public record CompiledRules(String version, KieBase kieBase, Map<String, String> sources,
                            Map<String, String> overrides, List<RuleDefinition> rules, Duration detectionWindow) {

    /** The same compiled rules under another version label: a draft compiled for review becomes {@code v<n>}. */
    public CompiledRules labelled(String label) {
        return new CompiledRules(label, kieBase, sources, overrides, rules, detectionWindow);
    }

    /** How far before a day the nightly run reads, so an episode crossing midnight is seen whole. */
    public Duration longestWindow() {
        return rules.stream().map(RuleDefinition::longestWindow).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** How long a detection stays in a session: the longest window over detections, and at least an hour. */
    public Duration detectionLifetime() {
        return detectionWindow.compareTo(Duration.ofHours(1)) < 0 ? Duration.ofHours(1) : detectionWindow;
    }
}
