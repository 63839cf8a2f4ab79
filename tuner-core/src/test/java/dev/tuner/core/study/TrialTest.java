package dev.tuner.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.core.space.Choice;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Scale;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.trial.Trial;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrialTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final Study study = Studies.on(storage, "s", 3);

    @Test
    void theSameNameGivesTheSameValueWithinATrial() {
        Trial trial = study.ask();

        double first = trial.suggestFloat("x", -10, 10);

        assertThat(trial.suggestFloat("x", -10, 10)).isEqualTo(first);
        assertThat(trial.suggest("x", Uniform.of(-10, 10))).isEqualTo(first);
        assertThat(storage.trial("s", 0).suggestions()).containsOnlyKeys("x");
    }

    @Test
    void anotherDistributionForTheSameNameIsRejected() {
        Trial trial = study.ask();
        trial.suggestFloat("x", -10, 10);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> trial.suggestFloat("x", -5, 5))
                .withMessageContaining("knob 'x' of trial #0")
                .withMessageContaining(Uniform.of(-10, 10).toString())
                .withMessageContaining(Uniform.of(-5, 5).toString());
        assertThatIllegalArgumentException().isThrownBy(() -> trial.suggestFloat("x", -10, 10, Scale.LOG));
        assertThatIllegalArgumentException().isThrownBy(() -> trial.suggestInt("x", -10, 10));
    }

    @Test
    void differentTrialsDrawDifferentValues() {
        Set<Double> values = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            values.add(study.ask().suggestFloat("x", 0, 1));
        }

        assertThat(values).hasSize(20);
    }

    @Test
    void suggestIntGivesAnIntInTheRangeBothBoundsIncluded() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(study.ask().suggestInt("n", 1, 4));
        }

        assertThat(seen).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(storage.trial("s", 0).suggestions().get("n").distribution()).isEqualTo(IntUniform.of(1, 4));
    }

    /** A study whose sampler proposes, for trial n, the n-th of {@code internals}, whatever the knob. */
    private static Study proposing(double... internals) {
        return Studies.inMemory("proposed", (history, number, knob, distribution) -> internals[number]);
    }

    @Test
    void suggestIntGivesExactlyTheProposedIntUpToBothEndsOfTheIntRange() {
        Study study = proposing(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0);

        int[] values = IntStream.range(0, 4)
                .map(i -> study.ask().suggestInt("n", Integer.MIN_VALUE, Integer.MAX_VALUE)).toArray();

        assertThat(values).containsExactly(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0);
        assertThat(study.trials()).extracting(trial -> trial.params().get("n"))
                .containsExactly((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, -1L, 0L);
        assertThat(study.trials()).allSatisfy(trial -> assertThat(trial.suggestions().get("n").distribution())
                .isEqualTo(IntUniform.of(Integer.MIN_VALUE, Integer.MAX_VALUE)));
    }

    @Test
    void suggestIntWithAStepOrOnTheLogScaleGivesExactlyTheProposedValue() {
        Study study = proposing(6, 1024, 1);

        assertThat(study.ask().suggestInt("heads", 2, 8, 2)).isEqualTo(6);
        assertThat(study.ask().suggestInt("units", 1, 1024, Scale.LOG)).isEqualTo(1024);
        assertThat(study.ask().suggestInt("units", 1, 1024, Scale.LOG)).isEqualTo(1);
    }

    @Test
    void aProposalOffTheIntRangeOrItsStepIsTheSamplersBug() {
        Study study = proposing(Integer.MAX_VALUE + 1.0, 5, 0.5);

        assertThatIllegalStateException().isThrownBy(() -> study.ask().suggestInt("n", Integer.MIN_VALUE, Integer.MAX_VALUE))
                .withMessageEndingWith(" proposed 2.147483648E9 for knob 'n', outside "
                        + IntUniform.of(Integer.MIN_VALUE, Integer.MAX_VALUE) + "; this is a bug in the sampler");
        assertThatIllegalStateException().isThrownBy(() -> study.ask().suggestInt("heads", 2, 8, 2))
                .withMessageContaining("proposed 5.0 for knob 'heads', outside " + IntUniform.of(2, 8).withStep(2));
        assertThatIllegalStateException().isThrownBy(() -> study.ask().suggestInt("n", 0, 1))
                .withMessageContaining("proposed 0.5 for knob 'n'");
    }

    /** The values of knob n over the whole int range in {@code trials} trials of a random sampler seeded {@code seed}. */
    private static int[] wholeRangeDraws(long seed, int trials) {
        Study study = Studies.inMemory("whole", seed);
        return IntStream.range(0, trials)
                .map(i -> study.ask().suggestInt("n", Integer.MIN_VALUE, Integer.MAX_VALUE)).toArray();
    }

    @Test
    void suggestIntDrawsFromTheWholeIntRangeTheSameForTheSameSeed() {
        int[] drawn = wholeRangeDraws(3, 400);

        assertThat(drawn).isEqualTo(wholeRangeDraws(3, 400)).isNotEqualTo(wholeRangeDraws(4, 400));
        // each quarter of the range holds about a hundred: a range cut short (a span that overflowed an int) would not
        int[] quarters = new int[4];
        for (int value : drawn) {
            quarters[(int) (((long) value - Integer.MIN_VALUE) >>> 30)]++;
        }
        assertThat(IntStream.of(quarters).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(65, 135));
    }

    @Test
    void suggestFloatOnTheLogScaleDrawsFromALogUniform() {
        Trial trial = study.ask();

        double lr = trial.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG);

        assertThat(lr).isBetween(1e-5, 1e-1);
        assertThat(storage.trial("s", 0).suggestions().get("lr").distribution()).isEqualTo(LogUniform.of(1e-5, 1e-1));
    }

    @Test
    void suggestFloatIsLinearByDefault() {
        Trial trial = study.ask();

        trial.suggestFloat("x", 1, 2);

        assertThat(storage.trial("s", 0).suggestions().get("x").distribution()).isEqualTo(Uniform.of(1, 2));
    }

    @Test
    void suggestCategoricalGivesOneOfTheOptions() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.add(study.ask().suggestCategorical("act", List.of("relu", "tanh", "elu")));
        }

        assertThat(seen).containsExactlyInAnyOrder("relu", "tanh", "elu");
        assertThat(storage.trial("s", 0).suggestions().get("act").distribution())
                .isEqualTo(Choice.of("relu", "tanh", "elu"));
    }

    @Test
    void suggestCategoricalKeepsTheOptionsType() {
        Integer batch = study.ask().suggestCategorical("batch", List.of(16, 32, 64));

        assertThat(batch).isIn(16, 32, 64);
    }

    @Test
    void paramsAreInTheOrderTheKnobsWereFirstRead() {
        Trial trial = study.ask();
        double z = trial.suggestFloat("z", 0, 1);
        int a = trial.suggestInt("a", 0, 9);
        trial.suggestFloat("z", 0, 1);
        String m = trial.suggestCategorical("m", List.of("p", "q"));

        assertThat(trial.params()).containsExactly(entry("z", z), entry("a", (long) a), entry("m", m));
        assertThat(storage.trial("s", 0).params()).isEqualTo(trial.params());
    }

    @Test
    void suggestFloatWithAStepGivesMultiplesOfTheStep() {
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(study.ask().suggestFloat("dropout", 0, 0.5, 0.1));
        }

        assertThat(seen).hasSize(6).allSatisfy(value -> assertThat(value * 10).isCloseTo(Math.rint(value * 10), within(1e-9)));
        assertThat(storage.trial("s", 0).suggestions().get("dropout").distribution())
                .isEqualTo(Uniform.of(0, 0.5).quantized(0.1));
    }

    @Test
    void suggestFloatWithAStepRejectsALowOffTheGrid() {
        Trial trial = study.ask();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> trial.suggestFloat("x", 0.05, 1, 0.1))
                .withMessageContaining("low (0.05) of knob 'x' must be a multiple of step (0.1)")
                .withMessageContaining("e.g. low = 0.1");
    }

    @Test
    void suggestIntWithAStepGivesEveryStep() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(study.ask().suggestInt("heads", 2, 8, 2));
        }

        assertThat(seen).containsExactlyInAnyOrder(2, 4, 6, 8);
        assertThat(storage.trial("s", 0).suggestions().get("heads").distribution())
                .isEqualTo(IntUniform.of(2, 8).withStep(2));
    }

    @Test
    void suggestIntOnTheLogScaleFavoursSmallValues() {
        int small = 0;
        for (int i = 0; i < 400; i++) {
            if (study.ask().suggestInt("units", 1, 1024, Scale.LOG) <= 32) {
                small++;
            }
        }

        // half of the log range lies below 32
        assertThat(small).isBetween(160, 240);
        assertThat(storage.trial("s", 0).suggestions().get("units").distribution())
                .isEqualTo(IntUniform.of(1, 1024).onLogScale());
    }

    @Test
    void suggestIntRejectsAStepThatMissesHighAndAStepOnTheLogScale() {
        Trial trial = study.ask();

        assertThatIllegalArgumentException().isThrownBy(() -> trial.suggestInt("n", 0, 10, 3))
                .withMessageContaining("use max = 9");
        assertThatIllegalArgumentException().isThrownBy(() -> trial.suggestInt("n", 1, 9, 2, Scale.LOG))
                .withMessageContaining("cannot have a step (2)");
    }

    @Test
    void threadsReadingTheSameKnobAtOnceSeeOneDraw() throws Exception {
        Trial trial = study.ask();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Double>> reads = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reads.add(pool.submit(() -> {
                    start.await();
                    return trial.suggestFloat("x", -1, 1);
                }));
            }
            start.countDown();
            Set<Double> seen = new HashSet<>();
            for (java.util.concurrent.Future<Double> read : reads) {
                seen.add(read.get());
            }
            assertThat(seen).hasSize(1);
            assertThat(storage.trial("s", trial.number()).suggestions()).containsOnlyKeys("x");
        } finally {
            pool.shutdownNow();
        }
    }
}
