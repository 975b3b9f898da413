package tmsp.ingest;

import java.util.ArrayList;
import java.util.List;

/** The property tests' generated lines for tests outside this package: valid ones and their mutations. */
public final class GeneratedLines {

    private GeneratedLines() {
    }

    /** {@code batches} batches of {@value LineGenerators#BATCH} lines of any format: one valid, the rest broken. */
    public static List<String> hostile(int batches) {
        List<String> lines = new ArrayList<>();
        LineGenerators.hostileBatches(LineGenerators.anyFormatLines(), "<13>").sampleStream().limit(batches)
                .forEach(lines::addAll);
        return lines;
    }

    /** {@code count} valid lines of each format. */
    public static List<String> valid(int count) {
        List<String> lines = new ArrayList<>();
        LineGenerators.cefLines().sampleStream().limit(count).forEach(lines::add);
        LineGenerators.leefLines().sampleStream().limit(count).forEach(lines::add);
        LineGenerators.jsonLines().sampleStream().limit(count).forEach(lines::add);
        LineGenerators.anyFormatLines().sampleStream().limit(count).forEach(lines::add);
        return lines;
    }
}
