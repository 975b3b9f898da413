package tmsp.ingest;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Breaks valid lines the way networks, relays and attackers do: truncation, deleted or duplicated stretches,
 * flipped characters, inserted separators and escapes, control characters, broken surrogates, huge values,
 * floods of keys and deep nesting.
 */
final class Mutator {

    static final List<String> SPECIAL_INSERTS = List.of("|", "\\", "=", " ", "\t", "\u0000", "\u0001",
            "\n", "\r", "\u007f", "\uD800", "\uDC00", "\uD83D\uDE00", "\uFEFF", " cs1=", " k=", "\\=", "\\|",
            "\\\\", "\\n", "|x09|", "|^|", "^", "{", "}", "[", "]", "\"", ":", ",", "\\u0000", "\\ud800",
            "CEF:0|", "LEEF:2.0|", "<13>", "rt=", " spt=99999", " src=::g", " rt=Feb 30 2020 10:00:00", "sev=11",
            "devTimeFormat=qq", "null", "-1", "1e999", "99999999999999999999", "\"a\":1,\"a\":2");

    private final SplittableRandom random;

    Mutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The line after one to five mutations. */
    String mutate(String line) {
        String mutated = line;
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            mutated = mutateOnce(mutated);
        }
        return mutated;
    }

    /** Up to 120 random UTF-16 units (lone surrogates included), sometimes after a format marker. */
    String randomText(String marker) {
        StringBuilder text = new StringBuilder(switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> marker;
            default -> "<13>1 - - - - - - " + marker;
        });
        int length = random.nextInt(121);
        for (int i = 0; i < length; i++) {
            text.append(anyChar());
        }
        return text.toString();
    }

    private String mutateOnce(String line) {
        int i = random.nextInt(line.length() + 1);
        int j = i + random.nextInt(line.length() - i + 1);
        return switch (random.nextInt(6)) {
            case 0 -> line.substring(0, i);
            case 1 -> line.substring(0, i) + line.substring(j);
            case 2 -> line.substring(0, j) + line.substring(i, j) + line.substring(j);
            case 3 -> i < line.length() ? line.substring(0, i) + insert() + line.substring(i + 1) : line + insert();
            default -> line.substring(0, i) + insert() + line.substring(i);
        };
    }

    private String insert() {
        int pick = random.nextInt(100);
        if (pick < 55) {
            return SPECIAL_INSERTS.get(random.nextInt(SPECIAL_INSERTS.size()));
        }
        if (pick < 80) {
            return String.valueOf(anyChar());
        }
        if (pick < 96) {
            StringBuilder chars = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                chars.append(anyChar());
            }
            return chars.toString();
        }
        return switch (pick) {
            case 96 -> "x".repeat(60_000 + random.nextInt(10_001));
            case 97 -> " k=v".repeat(500 + random.nextInt(201));
            case 98 -> "[".repeat(20 + random.nextInt(4_981));
            default -> " " + "k".repeat(100 + random.nextInt(201)) + "=v";
        };
    }

    /** Mostly ASCII, sometimes anything in the BMP, including controls and lone surrogates. */
    private char anyChar() {
        return random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) random.nextInt(0x80);
    }
}
