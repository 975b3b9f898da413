package tmsp.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;

/**
 * The command {@code bin/simulate}: registers appliances with a running portal and sends them detections and
 * heartbeats, printing the plan of what it planted first and a summary of what the portal took at the end.
 * Runs without the portal's Spring context (started from the portal's jar by {@code PropertiesLauncher}).
 *
 * <p>Exit status: 0 all sent and taken, 1 some was refused or lost, 2 wrong options.
 */
public final class ApplianceSimulator {

    private ApplianceSimulator() {
    }

    public static void main(String[] args) throws Exception {
        SimulatorOptions options;
        try {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
                System.out.print(SimulatorOptions.USAGE);
                System.exit(args.length == 0 ? 2 : 0);
                return;
            }
            options = SimulatorOptions.parse(args, Instant.now());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(SimulatorOptions.USAGE);
            System.exit(2);
            return;
        }
        Simulation simulation = new Simulation(options);
        Plan plan = simulation.plan();
        System.out.print(plan.text());
        if (options.planJson() != null) {
            writePlan(options, plan);
        }
        System.out.printf("Sending %d lines to %s over %s%s...%n", plan.lines(), options.url(),
                options.transport().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                options.rate() > 0 ? " at " + options.rate() + " lines/s" : " at once");
        if (!options.mitigation().keepPolling().isZero() && plan.mitigation().mitigators() > 0) {
            System.out.printf("Then the mitigators ask for cleanup patterns for %s more.%n",
                    options.mitigation().keepPolling());
        }
        SimulationReport report = simulation.run();
        System.out.print(report.text());
        System.exit(report.clean() ? 0 : 1);
    }

    private static void writePlan(SimulatorOptions options, Plan plan) throws IOException {
        if (options.planJson().toAbsolutePath().getParent() != null) {
            Files.createDirectories(options.planJson().toAbsolutePath().getParent());
        }
        Files.writeString(options.planJson(), plan.json());
        System.out.println("Plan written to " + options.planJson());
    }
}
