package tmsp.correlation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.EventProcessingOption;

/**
 * Compiles DRL sources into a stream-mode KieBase with the KIE API: each file's parameters are put in place
 * first ({@link RuleTemplate}), and a generated declaration gives detections an {@code @expires} of the
 * longest window the rules match detections over, so sessions hold no more than the windows need. Plain Java: rule tests need no Spring.
 */
public final class RuleCompiler {

    static final String MODEL_FILE = "tmsp-model.drl";

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    private RuleCompiler() {
    }

    /** The folder that matches the DRL's package, where the KIE builder expects the file. */
    static String folderOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    public static CompiledRules compile(Map<String, String> sources) {
        return compile("local", sources, Map.of());
    }

    /**
     * Compiles a rule draft someone wrote in the portal: first the confinement check of every file (see
     * {@link DraftConfinement}), and only a draft that stays inside reaches the DRL compiler. The shipped rules
     * pass the same check.
     *
     * @throws RuleCompilationException with every violation ({@code file:line:column: reason}) or compiler error
     */
    public static CompiledRules compileDraft(String version, Map<String, String> sources,
                                             Map<String, String> overrides) {
        confine(sources);
        return compile(version, sources, overrides);
    }

    /**
     * The confinement check of every file alone (see {@link DraftConfinement}).
     *
     * @throws RuleCompilationException with every violation ({@code file:line:column: reason})
     */
    public static void confine(Map<String, String> sources) {
        List<String> violations = new ArrayList<>();
        sources.forEach((file, drl) -> DraftConfinement.check(file, drl)
                .forEach(v -> violations.add(v.toString())));
        if (!violations.isEmpty()) {
            throw new RuleCompilationException(violations);
        }
    }

    /**
     * The rules the files define, with their parameters at the values {@code overrides} give, without compiling
     * the DRL: what a parameter form needs.
     *
     * @throws RuleCompilationException for missing metadata, bad parameters or bad overrides
     */
    public static List<RuleDefinition> definitions(Map<String, String> sources, Map<String, String> overrides) {
        List<String> errors = new ArrayList<>();
        List<RuleDefinition> rules = new ArrayList<>();
        sources.forEach((file, drl) -> {
            try {
                rules.addAll(RuleTemplate.expand(file, drl, overrides).rules());
            } catch (RuleCompilationException e) {
                errors.addAll(e.messages());
            }
        });
        duplicateIds(rules, errors);
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        return List.copyOf(rules);
    }

    /**
     * @param sources   DRL text by file name
     * @param overrides parameter values by {@code ruleId.parameter}
     * @throws RuleCompilationException with every message (file, line, text) if any file has an error
     */
    public static CompiledRules compile(String version, Map<String, String> sources, Map<String, String> overrides) {
        List<String> errors = new ArrayList<>();
        List<RuleDefinition> rules = new ArrayList<>();
        Duration detectionWindow = Duration.ZERO;
        for (var source : sources.entrySet()) {
            try {
                RuleTemplate.Expanded e = RuleTemplate.expand(source.getKey(), source.getValue(), overrides);
                rules.addAll(e.rules());
                detectionWindow = e.detectionWindow().compareTo(detectionWindow) > 0 ? e.detectionWindow()
                        : detectionWindow;
            } catch (RuleCompilationException e) {
                errors.addAll(e.messages());
            }
        }
        duplicateIds(rules, errors);
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        CompiledRules shell = new CompiledRules(version, null, Map.copyOf(sources), Map.copyOf(overrides),
                List.copyOf(rules), detectionWindow);
        // Second pass, now that the detections' lifetime is known: windows as long as it are left out.
        Map<String, String> expanded = new LinkedHashMap<>();
        sources.forEach((name, drl) ->
                expanded.put(name, RuleTemplate.expand(name, drl, overrides, shell.detectionLifetime()).drl()));
        expanded.put(MODEL_FILE, modelDeclarations(shell));
        return new CompiledRules(version, build(expanded), shell.sources(), shell.overrides(), shell.rules(),
                shell.detectionWindow());
    }

    private static void duplicateIds(List<RuleDefinition> rules, List<String> errors) {
        Map<String, RuleDefinition> seen = new LinkedHashMap<>();
        for (RuleDefinition r : rules) {
            RuleDefinition before = seen.putIfAbsent(r.id(), r);
            if (before != null) {
                errors.add(r.file() + ":" + r.line() + ": rule id '" + r.id() + "' is already used by "
                        + before.file() + ":" + before.line());
            }
        }
    }

    private static String modelDeclarations(CompiledRules rules) {
        return "package tmsp.rules\n\n"
                + "declare tmsp.correlation.DetectionFact\n"
                + "    @role(event)\n    @timestamp(timestamp)\n"
                + "    @expires(" + rules.detectionLifetime().toSeconds() + "s)\nend\n";
    }

    private static String located(Map<String, String> sources, Message m) {
        String file = fileName(m.getPath());
        String text = m.getText().strip();
        int[] place = sources.containsKey(file) ? ErrorPlace.of(sources.get(file), m.getLine(), m.getColumn(), text)
                : new int[] {m.getLine(), m.getColumn()};
        return file + ":" + place[0] + (place[1] > 0 ? ":" + place[1] : "") + ": " + text;
    }

    /** The file name the author knows, without the folder the KIE builder wants it in. */
    private static String fileName(String path) {
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }

    private static KieBase build(Map<String, String> sources) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId release = kie.newReleaseId("tmsp", "rules-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(release);
        sources.forEach((name, drl) -> files.write("src/main/resources/" + folderOf(drl) + name, drl));
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<String> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> located(sources, m)).toList();
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        try {
            KieBaseConfiguration configuration = kie.newKieBaseConfiguration();
            configuration.setOption(EventProcessingOption.STREAM);
            return kie.newKieContainer(release).newKieBase(configuration);
        } finally {
            kie.getRepository().removeKieModule(release); // the KieBase keeps what it needs
        }
    }
}
