package tmsp.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;

/**
 * What a simulation sends and what it planted in it: printed before sending so that correlation can be
 * checked against it later. Holds no password or token.
 *
 * @param lines     every line the traffic holds (planted, noise and malformed ones)
 * @param malformed lines cut on purpose, which the portal must quarantine
 */
public record Plan(long seed, Instant from, Instant to, int lines, int noise, int malformed, int cefLines,
                   int leefLines, List<Appliance> appliances, List<Planted> planted) {

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

    public Plan {
        appliances = List.copyOf(appliances);
        planted = List.copyOf(planted);
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
