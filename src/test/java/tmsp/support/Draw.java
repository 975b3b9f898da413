package tmsp.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The building blocks of generated test input, drawn from a seeded {@link Random}: one of some values, a number
 * of a range, a choice by weight, a list, a string. Ranges give their two ends more often than their share,
 * because that is where the bugs are: one draw in 16 is the lowest or the highest value, which also makes empty
 * and full lists and strings common.
 */
public final class Draw {

    private Draw() {
    }

    /** A choice of {@link #frequencyOf}: drawn by {@code draw} in {@code weight} shares of the draws. */
    public record Weighted<T>(int weight, Supplier<T> draw) {
    }

    public static <T> Weighted<T> weight(int weight, Supplier<T> draw) {
        return new Weighted<>(weight, draw);
    }

    /** One of the choices, each in proportion to its weight. */
    @SafeVarargs
    public static <T> T frequencyOf(Random random, Weighted<T>... choices) {
        int total = 0;
        for (Weighted<T> choice : choices) {
            total += choice.weight();
        }
        int pick = random.nextInt(total);
        for (Weighted<T> choice : choices) {
            pick -= choice.weight();
            if (pick < 0) {
                return choice.draw().get();
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    public static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    public static <T> T oneOf(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** A number from {@code min} to {@code max}, both included; each end once in 32 draws. */
    public static int between(Random random, int min, int max) {
        return switch (random.nextInt(32)) {
            case 0 -> min;
            case 1 -> max;
            default -> random.nextInt(min, max + 1);
        };
    }

    /** A number from {@code min} to {@code max}, both included; each end once in 32 draws. */
    public static long between(Random random, long min, long max) {
        return switch (random.nextInt(32)) {
            case 0 -> min;
            case 1 -> max;
            default -> random.nextLong(min, max + 1);
        };
    }

    /** Up to {@code maxSize} elements, each drawn by {@code element}. */
    public static <T> List<T> listOf(Random random, int maxSize, Supplier<T> element) {
        int size = between(random, 0, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /** {@code minLength} to {@code maxLength} UTF-16 units, each drawn by {@code unit}. */
    public static String string(Random random, int minLength, int maxLength, IntSupplier unit) {
        int length = between(random, minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) unit.getAsInt());
        }
        return text.toString();
    }
}
