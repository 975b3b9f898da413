package tmsp.correlation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tmsp.incident.IncidentFinding;

/** The shipped DRL files compiled for rule tests, and detections built the way the rules expect them. */
final class ShippedRules {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private ShippedRules() {
    }

    static CompiledRules compile(String... files) {
        Map<String, String> sources = new TreeMap<>();
        try {
            for (String f : files) {
                sources.put(f, Files.readString(Path.of("rules", f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RuleCompiler.compile("test", sources, Map.of());
    }

    static Map<String, String> all() {
        Map<String, String> sources = new TreeMap<>();
        try (var files = Files.list(Path.of("rules"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                sources.put(p.getFileName().toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** A detection {@code minutes} after {@link #T0}. */
    static DetectionFact.Builder at(long id, long account, double minutes) {
        return DetectionFact.builder(id, account, T0.plusMillis((long) (minutes * 60_000)));
    }

    static Instant minutes(double m) {
        return T0.plusMillis((long) (m * 60_000));
    }

    static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    /** The findings of one rule only: a set of files has several. */
    static List<IncidentFinding> of(String ruleId, Collection<IncidentFinding> findings) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    static List<IncidentFinding> correlate(CompiledRules rules, String ruleId, Collection<DetectionFact> detections) {
        return of(ruleId, CorrelationSession.correlate(rules, detections));
    }
}
