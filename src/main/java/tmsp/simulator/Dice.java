package tmsp.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The one seeded random source of a generator, with the few kinds of choice it makes. */
final class Dice {

    private final Random random;

    Dice(long seed) {
        this.random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean nextBoolean() {
        return random.nextBoolean();
    }

    double nextDouble() {
        return random.nextDouble();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** {@code count} different elements (fewer if there are not so many), in random order. */
    <T> List<T> distinct(List<T> values, int count) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }

    int ephemeralPort() {
        return 49152 + random.nextInt(16384);
    }

    /** Upper-case hex digits, as appliances print SHA-1 hashes. */
    String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(String.format(Locale.ROOT, "%08X", random.nextInt()));
        }
        return hex.substring(0, digits);
    }
}
