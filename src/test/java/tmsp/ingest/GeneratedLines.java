package tmsp.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The generated lines of the parser tests for tests outside this package: valid ones and their mutations, from
 * a fixed seed so that a test failing on them fails the same way again.
 */
public final class GeneratedLines {

    private static final long SEED = 2026_12_01L;

    private GeneratedLines() {
    }

    /** {@code batches} batches of {@value LineGenerators#BATCH} lines of any format: one valid, the rest broken. */
    public static List<String> hostile(int batches) {
        Random random = new Random(SEED);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            lines.addAll(LineGenerators.hostileBatch(random, LineGenerators::anyFormatLine, "<13>"));
        }
        return lines;
    }

    /** {@code count} valid lines of each format. */
    public static List<String> valid(int count) {
        Random random = new Random(SEED);
        List<String> lines = new ArrayList<>();
        for (Function<Random, String> format : List.<Function<Random, String>>of(LineGenerators::cefLine,
                LineGenerators::leefLine, LineGenerators::jsonLine, LineGenerators::anyFormatLine)) {
            for (int i = 0; i < count; i++) {
                lines.add(format.apply(random));
            }
        }
        return lines;
    }
}
