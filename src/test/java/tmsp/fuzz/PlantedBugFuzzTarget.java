package tmsp.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * {@code bench/fuzz.sh}'s self-check: a target with a bug planted behind a text marker and a 32-bit magic
 * number, which random inputs practically never reach (one in 2^32 for the number alone) but a fuzzer guided
 * by coverage and by what the code compares finds in seconds. The script fails unless it is found within a
 * minute, so a set-up that only replays its corpus cannot pass for fuzzing. Not a test: its name keeps it out
 * of the test run.
 */
class PlantedBugFuzzTarget {

    static final int MAGIC = 0x7E57_B0C5;
    private static final String MARKER = "CEF:0|";

    @FuzzTest(maxDuration = "")
    void plantedBug(byte[] input) {
        if (input.length >= MARKER.length() + 4
                && new String(input, 0, MARKER.length(), StandardCharsets.ISO_8859_1).equals(MARKER)
                && ByteBuffer.wrap(input, MARKER.length(), 4).getInt() == MAGIC) {
            throw new IllegalStateException("the planted bug was found");
        }
    }
}
