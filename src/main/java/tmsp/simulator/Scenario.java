package tmsp.simulator;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The attacks the simulator can plant among the background noise, for correlation to find. */
public enum Scenario {
    OUTBREAK("one malware found on many hosts of one network"),
    C2_CALLBACK("a host downloads malware, then calls back to its command-and-control server"),
    BRUTE_FORCE("a burst of failed logons from one source against one server"),
    LATERAL_MOVEMENT("one compromised host reaches into several others with stolen credentials");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** {@code all}, {@code none}, or names separated by commas, e.g. {@code outbreak,c2-callback}. */
    public static Set<Scenario> parse(String list) {
        String text = list.trim().toUpperCase(Locale.ROOT);
        if (text.equals("ALL")) {
            return EnumSet.allOf(Scenario.class);
        }
        Set<Scenario> scenarios = EnumSet.noneOf(Scenario.class);
        if (text.equals("NONE") || text.isEmpty()) {
            return scenarios;
        }
        for (String name : text.split("\\s*,\\s*")) {
            try {
                scenarios.add(valueOf(name.replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown scenario '" + name.toLowerCase(Locale.ROOT)
                        + "'; choose from outbreak, c2-callback, brute-force, lateral-movement, all, none");
            }
        }
        return scenarios;
    }
}
