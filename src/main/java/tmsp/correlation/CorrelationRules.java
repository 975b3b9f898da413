package tmsp.correlation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tmsp.correlation.authoring.RuleSetStore;

/**
 * The published rule set, compiled once and swapped in atomically; a run keeps the one it started with. The
 * database holds the published version ({@code rule_set_versions}); on an empty database the DRL files of
 * {@code tmsp.rules.location} (the jar's {@code rules/} unless configured) become version 1. Every node looks
 * for a newly published version every few seconds ({@code tmsp.rules.refresh}) and compiles it once.
 */
@Service
public class CorrelationRules {

    private static final Logger log = LoggerFactory.getLogger(CorrelationRules.class);
    private static final int PREPARED_KEPT = 3;

    private final AtomicReference<CompiledRules> current = new AtomicReference<>();
    /** Versions in review compiled ahead, by content: a KieBase is large, so only the latest few. */
    private final Map<String, CompiledRules> prepared = Collections.synchronizedMap(
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompiledRules> eldest) {
                    return size() > PREPARED_KEPT;
                }
            });
    private final RuleSetStore store;
    private volatile long loadedVersionId;
    private volatile long failedVersionId;

    /** The files alone, without a database: for tools and tests of rule files. */
    public CorrelationRules(ResourcePatternResolver resources, String location) throws IOException {
        this.store = null;
        Map<String, String> sources = shippedFiles(resources, location);
        publish(RuleCompiler.compile(versionOf(sources), sources, Map.of()));
    }

    @Autowired
    CorrelationRules(ResourcePatternResolver resources, @Value("${tmsp.rules.location}") String location,
                     RuleSetStore store) throws IOException {
        this.store = store;
        Map<String, String> shipped = shippedFiles(resources, location);
        RuleSetStore.StoredVersion published = store.publishedOrSeed(shipped,
                "The rules shipped in " + location + " (" + versionOf(shipped) + ")");
        load(published);
        if (!published.files().equals(shipped)) {
            log.info("The rule files under {} differ from the published rule set {}: the database's version is used",
                    location, published.label());
        }
    }

    public CompiledRules current() {
        return current.get();
    }

    public void publish(CompiledRules rules) {
        current.set(rules);
    }

    /**
     * Swaps in a version this node has just published and compiled (the approval of a review), so it is not
     * compiled a second time; the other nodes find it in the database.
     */
    public void adopt(CompiledRules compiled, long versionId) {
        publish(compiled);
        loadedVersionId = versionId;
        log.info("Published rule set {} ({} rules) is in use", compiled.version(), compiled.rules().size());
    }

    public List<String> ruleNames() {
        return current.get().rules().stream().map(RuleDefinition::name).sorted().toList();
    }

    /** Compiles and swaps in a version another node (or this one) published since the last look. */
    @Scheduled(fixedDelayString = "${tmsp.rules.refresh:2s}", initialDelayString = "${tmsp.rules.refresh:2s}")
    public void refresh() {
        if (store == null) {
            return;
        }
        Optional<Long> published = store.publishedId();
        if (published.isPresent() && published.get() != loadedVersionId && published.get() != failedVersionId) {
            try {
                store.published().ifPresent(this::load);
            } catch (RuleCompilationException e) {
                // Publication compiles a version before storing it, so this is a broken database row: keep the
                // rules in use and say so once, instead of compiling it again every few seconds.
                failedVersionId = published.get();
                log.error("The published rule set (id {}) does not compile; the previous one stays in use: {}",
                        published.get(), e.getMessage());
            }
        }
    }

    /**
     * Compiles a version that may soon be published (one in review) and keeps it, so that its publication swaps it
     * in at once instead of compiling then. The few latest are kept; compiling the same content again does nothing.
     */
    public void prepare(Map<String, String> files, Map<String, String> overrides) {
        String key = contentKey(files, overrides);
        if (!prepared.containsKey(key)) {
            prepared.put(key, RuleCompiler.compile("prepared", files, overrides));
        }
    }

    /** The rule set of these files and parameters, compiled: prepared before, or now. */
    public CompiledRules compiled(String label, Map<String, String> files, Map<String, String> overrides) {
        CompiledRules ready = prepared.get(contentKey(files, overrides));
        return ready != null ? ready.labelled(label) : RuleCompiler.compile(label, files, overrides);
    }

    Optional<CompiledRules> preparedFor(Map<String, String> files, Map<String, String> overrides) {
        return Optional.ofNullable(prepared.get(contentKey(files, overrides)));
    }

    private static String contentKey(Map<String, String> files, Map<String, String> overrides) {
        Map<String, String> content = new TreeMap<>(files);
        new TreeMap<>(overrides).forEach((key, value) -> content.put("\0param\0" + key, value));
        return versionOf(content);
    }

    private void load(RuleSetStore.StoredVersion version) {
        CompiledRules compiled = compiled(version.label(), version.files(), version.overrides())
                .withExceptions(version.exceptions());
        publish(compiled);
        loadedVersionId = version.id();
        log.info("Compiled {} correlation rules of rule set {} ({} file(s))", compiled.rules().size(),
                version.label(), version.files().size());
    }

    private static Map<String, String> shippedFiles(ResourcePatternResolver resources, String location)
            throws IOException {
        Map<String, String> sources = new TreeMap<>();
        for (Resource drl : resources.getResources(location + "/**/*.drl")) {
            sources.put(drl.getFilename(), drl.getContentAsString(StandardCharsets.UTF_8));
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("No correlation rules (*.drl) found under " + location);
        }
        return sources;
    }

    /** The shipped files' fingerprint: the first 12 hex digits of a SHA-256 over names and contents. */
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
