package tmsp.correlation.authoring.sigma;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tmsp.correlation.CompiledRules;
import tmsp.correlation.CorrelationSession;
import tmsp.correlation.DetectionFact;
import tmsp.correlation.RuleCompiler;
import tmsp.incident.IncidentFinding;

/** A field mapping like the seeded one, and the way from a Sigma file to findings: import, confine, compile, run. */
final class SigmaTestSupport {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    /** A part of the defaults of V28 (the tests must not depend on the database). */
    static final Map<String, String> MAPPING = Map.ofEntries(
            Map.entry("ComputerName", "host"), Map.entry("Computer", "host"), Map.entry("User", "user"),
            Map.entry("TargetUserName", "user"), Map.entry("WorkstationName", "srcHost"),
            Map.entry("source.ip", "srcAddress"), Map.entry("destination.ip", "dstAddress"),
            Map.entry("SourceIp", "srcAddress"), Map.entry("DestinationIp", "dstAddress"),
            Map.entry("DestinationPort", "dstPort"), Map.entry("eventName", "eventName"),
            Map.entry("logonOutcome", "logonOutcome"), Map.entry("threatType", "threatType"),
            Map.entry("threatName", "threatName"), Map.entry("fileName", "fileName"), Map.entry("url", "url"),
            Map.entry("severityLevel", "severityLevel"), Map.entry("srcPort", "srcPort"),
            Map.entry("srcAddress", "srcAddress"), Map.entry("user", "user"),
            Map.entry("Broken", "noSuchProperty"));

    private SigmaTestSupport() {
    }

    static SigmaImport.Result convert(String yaml) {
        return SigmaImport.convert(yaml, MAPPING);
    }

    /** Imports, then compiles the DRL as a draft (confinement first) with parameter overrides. */
    static CompiledRules compile(String yaml, Map<String, String> overrides) {
        SigmaImport.Result result = convert(yaml);
        return RuleCompiler.compileDraft("sigma-test", Map.of(result.fileName(), result.drl()), overrides);
    }

    static CompiledRules compile(String yaml) {
        return compile(yaml, Map.of());
    }

    static List<IncidentFinding> findings(CompiledRules rules, String ruleId, Collection<DetectionFact> detections) {
        return CorrelationSession.correlate(rules, detections).stream().filter(f -> f.ruleId().equals(ruleId))
                .toList();
    }

    /** A detection {@code seconds} after {@link #T0}. */
    static DetectionFact.Builder at(long id, long account, long seconds) {
        return DetectionFact.builder(id, account, T0.plusSeconds(seconds));
    }
}
