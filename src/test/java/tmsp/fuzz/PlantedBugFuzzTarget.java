package tmsp.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * {@code bench/fuzz.sh}'s self-check: a target with a bug planted behind a text marker and a 32-bit magic
 * number, which random inputs practically never reach (one in 2^32 for the number alone) but a fuzzer guided
 * by coverage and by what the code compares finds in seconds. The script fails unless it is found within a
 * minute, so a set-up that only replays its corpus cannot pass for fuzzing. Not a test: its name keeps it out
 * of the test run.
 */
class PlantedBugFuzzTarget {

    static final int MAGIC = 0x7E57_B0C5;

    @FuzzTest(maxDuration = "")
    void plantedBug(FuzzedDataProvider data) {
        String marker = data.consumeString(8);
        if (marker.equals("CEF:0|") && data.consumeInt() == MAGIC) {
            throw new IllegalStateException("the planted bug was found");
        }
    }
}
