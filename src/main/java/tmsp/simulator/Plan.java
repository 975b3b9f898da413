package tmsp.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tmsp.mitigation.EndpointStatus;

/**
 * What a simulation sends and what it planted in it: printed before sending so that correlation can be
 * checked against it later. Holds no password or token.
 *
 * @param lines     every line the traffic holds (planted, noise and malformed ones)
 * @param malformed lines cut on purpose, which the portal must quarantine
 */
public record Plan(long seed, Instant from, Instant to, int lines, int noise, int malformed, int cefLines,
                   int leefLines, List<Appliance> appliances, List<Planted> planted, Mitigation mitigation) {

    /** A registered appliance: the GUID its logs carry. */
    public record Appliance(String account, String type, String hostname, String guid) {
    }

    /**
     * One planted attack.
     *
     * @param hosts    the internal hosts involved, the first being where it starts
     * @param malware  the threat name the lines carry, if any
     * @param remote   the outside party: command-and-control server, download site or attacker, if any
     */
    public record Planted(Scenario scenario, String account, String applianceGuid, String appliance,
                          List<String> hosts, String malware, String remote, Instant from, Instant to, int lines,
                          String summary) {
    }

    /**
     * What the mitigators send: status reports (entries by status, dated {@code from} to {@code to}) and forensic
     * samples.
     */
    public record Mitigation(int mitigators, int statusReports, int statusEntries, Map<EndpointStatus, Integer> statuses,
                             Instant from, Instant to, List<Sample> samples) {
        public Mitigation {
            statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
            samples = List.copyOf(samples);
        }
    }

    /** A forensic sample a mitigator uploads: the endpoint it was collected on, and its threat. */
    public record Sample(String account, String mitigator, String endpointIp, String endpointHost, String threat,
                         String fileName, int size) {
    }

    public Plan {
        appliances = List.copyOf(appliances);
        planted = List.copyOf(planted);
    }

    Plan withMitigation(Mitigation mitigation) {
        return new Plan(seed, from, to, lines, noise, malformed, cefLines, leefLines, appliances, planted, mitigation);
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Simulation plan (seed %d): %d lines from %s to %s — %d noise, %d planted, %d malformed;"
                        + " %d CEF, %d LEEF%n", seed, lines, from, to, noise, lines - noise - malformed, malformed,
                cefLines, leefLines));
        text.append(String.format("  %d appliances:%n", appliances.size()));
        for (Appliance appliance : appliances) {
            text.append(String.format("    %-10s %-28s %-36s account %s%n", appliance.type(), appliance.hostname(),
                    appliance.guid(), appliance.account()));
        }
        text.append(String.format("  planted:%s%n", planted.isEmpty() ? " nothing" : ""));
        for (Planted p : planted) {
            text.append(String.format("    %-16s %s%n", p.scenario(), p.summary()));
            text.append(String.format("    %-16s %d lines %s .. %s on %s (%s, account %s)%n", "", p.lines(), p.from(),
                    p.to(), p.appliance(), p.applianceGuid(), p.account()));
        }
        if (mitigation != null && mitigation.mitigators() > 0) {
            text.append(String.format("  mitigators: %d send %d endpoint status reports, %d entries%s%s%n",
                    mitigation.mitigators(), mitigation.statusReports(), mitigation.statusEntries(),
                    mitigation.from() == null ? "" : " dated " + mitigation.from() + " .. " + mitigation.to(),
                    mitigation.statuses().isEmpty() ? "" : " " + mitigation.statuses()));
            text.append(String.format("    %d forensic samples%s%n", mitigation.samples().size(),
                    mitigation.samples().isEmpty() ? "" : ":"));
            for (Sample sample : mitigation.samples()) {
                text.append(String.format("    %-28s %s (%s) %s, %s, %d bytes%n", sample.mitigator(),
                        sample.endpointHost(), sample.endpointIp(), sample.threat(), sample.fileName(), sample.size()));
            }
        }
        return text.toString();
    }

    public String json() {
        try {
            return JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
