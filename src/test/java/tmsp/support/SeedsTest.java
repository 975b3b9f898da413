package tmsp.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every case of a generated test can be found again: a failure names its seed, and that seed replays it. */
class SeedsTest {

    private static final Pattern SEED = Pattern.compile("seed (-?\\d+)");

    /** The first draw of each case run, which tells the cases apart. */
    final List<Long> firstDraws = new ArrayList<>();

    @AfterEach
    void noReplayOrBaseLeftBehind() {
        System.clearProperty(Seeds.REPLAY);
        System.clearProperty(Seeds.BASE);
    }

    @Test
    void aFailingCaseNamesItsSeedAndTheCommandReplayingIt() {
        AssertionError failure = failOnCase(38);

        long seed = seedIn(failure);
        assertThat(new Random(seed).nextLong()).isEqualTo(firstDraws.get(37));
        assertThat(failure).hasMessageContaining("case 38 of 100 failed")
                .hasMessageContaining("expected on case 38")
                .hasMessageContaining("./mvnw test -Dtest=SeedsTest#aFailingCaseNamesItsSeedAndTheCommandReplayingIt"
                        + " -Dtmsp.seed=" + seed)
                .hasRootCauseMessage("expected on case 38");
        assertThat(firstDraws).hasSize(38);
    }

    @Test
    void theReplayPropertyRunsExactlyThatSeed() {
        long seed = seedIn(failOnCase(61));
        long failingDraw = firstDraws.get(60);
        firstDraws.clear();

        System.setProperty(Seeds.REPLAY, String.valueOf(seed));
        AssertionError replayed = catchThrowableOfType(AssertionError.class,
                () -> Seeds.check(100, random -> {
                    firstDraws.add(random.nextLong());
                    throw new AssertionError("replayed");
                }));

        assertThat(firstDraws).containsExactly(failingDraw);
        assertThat(Seeds.replaying()).isTrue();
        assertThat(replayed).hasMessageContaining("the replayed case failed, seed " + seed);
    }

    @Test
    void exceptionsAreReportedWithTheirSeedAndKeptAsTheCause() {
        IllegalStateException thrown = new IllegalStateException("broken");
        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> Seeds.check(5, random -> {
            throw thrown;
        }));

        assertThat(failure).hasMessageContaining("case 1 of 5 failed, seed ").hasCause(thrown);
    }

    @Test
    void everyRunDrawsTheSameCasesEachFromItsOwnSeed() {
        Seeds.check(1_000, random -> firstDraws.add(random.nextLong()));
        List<Long> firstRun = List.copyOf(firstDraws);
        firstDraws.clear();
        Seeds.check(1_000, random -> firstDraws.add(random.nextLong()));

        assertThat(firstDraws).isEqualTo(firstRun);
        assertThat(new HashSet<>(firstRun)).hasSize(1_000);
    }

    @Test
    void anotherBaseSeedDrawsOtherCases() {
        Seeds.check(100, random -> firstDraws.add(random.nextLong()));
        List<Long> usual = List.copyOf(firstDraws);
        firstDraws.clear();

        System.setProperty(Seeds.BASE, "7");
        Seeds.check(100, random -> firstDraws.add(random.nextLong()));

        assertThat(firstDraws).hasSize(100).doesNotContainAnyElementsOf(usual);
    }

    /** Runs 100 cases, the {@code failing}-th of which fails, and returns the failure. */
    private AssertionError failOnCase(int failing) {
        return catchThrowableOfType(AssertionError.class, () -> Seeds.check(100, random -> {
            firstDraws.add(random.nextLong());
            if (firstDraws.size() == failing) {
                throw new AssertionError("expected on case " + failing);
            }
        }));
    }

    private static long seedIn(AssertionError failure) {
        Matcher seed = SEED.matcher(failure.getMessage());
        assertThat(seed.find()).as(failure.getMessage()).isTrue();
        return Long.parseLong(seed.group(1));
    }
}
