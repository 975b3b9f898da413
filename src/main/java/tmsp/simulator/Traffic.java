package tmsp.simulator;

import java.time.Instant;
import java.util.List;

/** The lines a simulation sends, in time order, and the plan of what is planted in them. */
record Traffic(List<Line> lines, Plan plan) {

    /** One log line of one appliance, due at {@code time}. */
    public record Line(SimulatedAppliance appliance, Instant time, int severity, String text) {
    }

    public Traffic {
        lines = List.copyOf(lines);
    }
}
