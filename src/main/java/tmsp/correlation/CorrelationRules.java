package tmsp.correlation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The published rule set: the DRL files of {@code tmsp.rules.location} (the jar's {@code rules/} unless
 * configured), compiled once at start; a new rule set is swapped in atomically.
 */
@Service
public class CorrelationRules {

    private static final Logger log = LoggerFactory.getLogger(CorrelationRules.class);

    private final AtomicReference<KieBase> current = new AtomicReference<>();

    public CorrelationRules(ResourcePatternResolver resources, @Value("${tmsp.rules.location}") String location)
            throws IOException {
        Map<String, String> sources = new TreeMap<>();
        for (Resource drl : resources.getResources(location + "/**/*.drl")) {
            sources.put(drl.getFilename(), drl.getContentAsString(StandardCharsets.UTF_8));
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("No correlation rules (*.drl) found under " + location);
        }
        publish(RuleCompiler.compile(sources));
        log.info("Compiled {} correlation rules from {} file(s) under {}", ruleNames().size(), sources.size(), location);
    }

    public KieBase current() {
        return current.get();
    }

    public void publish(KieBase rules) {
        current.set(rules);
    }

    public java.util.List<String> ruleNames() {
        return current.get().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream()).map(Rule::getName).sorted().toList();
    }
}
