package tmsp.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.RuleCompiler;

/**
 * The baseline of {@code bench/publication.sh}: the time to compile a rule set once, as an approval does (the
 * draft's confinement check and the DRL compilation, {@link RuleCompiler#compileDraft}) and as another node's
 * refresh does ({@link RuleCompiler#compile}). Usage: {@code CompileRuleSet <folder of .drl files> [rounds]};
 * prints one line per round, the first in a fresh JVM (as a node's first compile after start is not, but as close
 * as a separate process gets). Test-scoped, so nothing of it ships.
 */
public final class CompileRuleSet {

    private CompileRuleSet() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "rules");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> drl = Files.list(folder)) {
            for (Path file : drl.filter(f -> f.toString().endsWith(".drl")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        Map<String, String> overrides = Map.of("malware-outbreak.hosts", "5");
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            CompiledRules approval = RuleCompiler.compileDraft("bench", files, overrides);
            long t1 = System.nanoTime();
            RuleCompiler.compile("bench", files, overrides);
            long t2 = System.nanoTime();
            System.out.printf("round=%d rules=%d approval_compile_ms=%d refresh_compile_ms=%d%n", round,
                    approval.rules().size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        }
    }
}
