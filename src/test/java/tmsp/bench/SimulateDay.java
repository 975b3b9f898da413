package tmsp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tmsp.simulator.Plan;
import tmsp.simulator.Simulation;
import tmsp.simulator.SimulationReport;
import tmsp.simulator.SimulatorOptions;

/**
 * The appliance simulator for one whole UTC day: {@code --day YYYY-MM-DD} plus the simulator's own options
 * ({@code bin/simulate --help}). {@code bin/simulate} dates {@code --rate 0} traffic over the span ending now;
 * this lets "now" be the next midnight, so every line falls inside the day and the same seed gives the same
 * lines whenever it runs. Used by {@code bench/correlate.sh}; test-scoped, so nothing of it ships.
 *
 * <p>Exit status as the simulator's: 0 all sent and taken, 1 some refused or lost, 2 wrong options.
 */
public final class SimulateDay {

    private SimulateDay() {
    }

    public static void main(String[] args) throws Exception {
        LocalDate day = null;
        Path planJson = null;
        List<String> options = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--day" -> day = LocalDate.parse(value(args, ++i, "--day"));
                case "--plan-json" -> planJson = Path.of(value(args, ++i, "--plan-json"));
                case "--rate", "--span", "--duration" -> usage(args[i] + " is set here: --rate 0 --span 24h");
                default -> options.add(args[i]);
            }
        }
        if (day == null) {
            usage("--day YYYY-MM-DD is required");
        }
        options.addAll(List.of("--rate", "0", "--span", "24h"));
        SimulatorOptions parsed = null;
        try {
            parsed = SimulatorOptions.parse(options.toArray(String[]::new),
                    day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
        Simulation simulation = new Simulation(parsed);
        Plan plan = simulation.plan();
        System.out.print(plan.text());
        if (planJson != null) {
            Files.writeString(planJson, plan.json());
        }
        SimulationReport report = simulation.run();
        System.out.print(report.text());
        System.exit(report.clean() ? 0 : 1);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            usage(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("Usage: SimulateDay --day YYYY-MM-DD [--plan-json FILE] [simulator options but --rate, --span,"
                + " --duration]");
        System.exit(2);
    }
}
