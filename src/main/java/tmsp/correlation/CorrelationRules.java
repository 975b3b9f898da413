package tmsp.correlation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The published rule set: the DRL files of {@code tmsp.rules.location} (the jar's {@code rules/} unless
 * configured), compiled once at start; a new rule set is swapped in atomically, and a run keeps the one it
 * started with.
 */
@Service
public class CorrelationRules {

    private static final Logger log = LoggerFactory.getLogger(CorrelationRules.class);

    private final AtomicReference<CompiledRules> current = new AtomicReference<>();

    public CorrelationRules(ResourcePatternResolver resources, @Value("${tmsp.rules.location}") String location)
            throws IOException {
        Map<String, String> sources = new TreeMap<>();
        for (Resource drl : resources.getResources(location + "/**/*.drl")) {
            sources.put(drl.getFilename(), drl.getContentAsString(StandardCharsets.UTF_8));
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("No correlation rules (*.drl) found under " + location);
        }
        publish(RuleCompiler.compile(versionOf(sources), sources, Map.of()));
        log.info("Compiled {} correlation rules from {} file(s) under {} (version {})", ruleNames().size(),
                sources.size(), location, current().version());
    }

    public CompiledRules current() {
        return current.get();
    }

    public void publish(CompiledRules rules) {
        current.set(rules);
    }

    public List<String> ruleNames() {
        return current.get().rules().stream().map(RuleDefinition::name).sorted().toList();
    }

    /** The shipped files' version: the first 12 hex digits of a SHA-256 over names and contents. */
    static String versionOf(Map<String, String> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(sources).forEach((name, text) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return "files-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
