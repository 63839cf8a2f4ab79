package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Nsga2SamplerTest extends SamplerContractTest {

    @Override
    Sampler sampler(long seed) {
        return Nsga2Sampler.builder().seed(seed).build();
    }

    /** The contract again with generations of 4 trials, so that most trials are children. */
    @Nested
    class SmallPopulation extends SamplerContractTest {
        @Override
        Sampler sampler(long seed) {
            return Nsga2Sampler.builder().seed(seed).populationSize(4).build();
        }
    }

    /** The contract again with uniform crossover and mutation. */
    @Nested
    class Uniformly extends SamplerContractTest {
        @Override
        Sampler sampler(long seed) {
            return Nsga2Sampler.builder().seed(seed).populationSize(4).crossover("uniform").mutation("uniform").build();
        }
    }

    static int number;

    static Nsga2Population.Member member(double a, double b, double... constraints) {
        FrozenTrial trial = new FrozenTrial(number++, TrialState.COMPLETE, TrialResult.of(new double[] {a, b}, Map.of()),
                Map.of("x", new Suggestion(Uniform.of(0, 1), 0.5)), Optional.empty(), Instant.EPOCH, Optional.empty(),
                java.util.Collections.emptySortedMap(), Map.of());
        return new Nsga2Population.Member(trial, new double[] {a, b}, constraints);
    }

    static List<Integer> numbers(List<Nsga2Population.Member> members) {
        return members.stream().map(m -> m.trial().number()).collect(Collectors.toList());
    }

    @Test
    void selectionKeepsWholeFrontsThenTheLoneliestOfTheNext() {
        number = 0;
        List<Nsga2Population.Member> pool = List.of(
                member(0, 0),     // 0: front 0
                member(1, 11),    // 1: front 1, an end: infinite crowding
                member(5, 6),     // 2: neighbours (1,11) and (5.5,5.8): crowding 4.5/10 + 5.2/9 = 1.03
                member(5.5, 5.8), // 3: neighbours (5,6) and (6,5.5): 1/10 + 0.5/9 = 0.16
                member(6, 5.5),   // 4: neighbours (5.5,5.8) and (11,2): 5.5/10 + 3.8/9 = 0.97
                member(11, 2),    // 5: front 1, an end
                member(20, 20));  // 6: front 2

        // front 0 whole, then of front 1 the two ends, then the lonelier of the others
        assertThat(numbers(Nsga2Population.select(pool, 4))).containsExactly(0, 1, 5, 2);
        assertThat(numbers(Nsga2Population.select(pool, 5))).containsExactly(0, 1, 5, 2, 4);
        assertThat(numbers(Nsga2Population.select(pool, 7))).hasSize(7);
    }

    @Test
    void selectionPrefersFeasibleTrialsThenTheLeastViolating() {
        number = 0;
        List<Nsga2Population.Member> pool = List.of(
                member(0, 0, 3),   // 0: infeasible, violation 3, though it dominates every other
                member(9, 9, -1),  // 1: feasible
                member(1, 1, 0.5), // 2: infeasible, violation 0.5
                member(8, 9, 0));  // 3: feasible, dominates 1

        assertThat(numbers(Nsga2Population.select(pool, 3))).containsExactly(3, 1, 2);
        assertThat(Nsga2Population.beats(pool.get(1), pool.get(0))).isTrue();
        assertThat(Nsga2Population.beats(pool.get(2), pool.get(0))).isTrue();
        assertThat(Nsga2Population.beats(pool.get(0), pool.get(2))).isFalse();
    }

    @Test
    void sbxChildrenStayInTheRangeAndSpreadAroundTheirParents() {
        UniformRandomProvider rng = Seeds.generator(1, 0, "sbx");
        double[] children = new double[2000];
        for (int i = 0; i < children.length; i++) {
            children[i] = Nsga2Variation.sbx(0.4, 0.6, 0, 1, 20, rng);
        }
        Arrays.sort(children);
        assertThat(children[0]).isGreaterThanOrEqualTo(0);
        assertThat(children[children.length - 1]).isLessThanOrEqualTo(1);
        // eta 20: children cluster around the parents, half of them within 0.02 of one
        long nearAParent = Arrays.stream(children).filter(c -> Math.abs(c - 0.4) < 0.02 || Math.abs(c - 0.6) < 0.02).count();
        assertThat(nearAParent).isGreaterThan(children.length / 2);
        assertThat(Nsga2Variation.sbx(0.3, 0.3, 0, 1, 20, rng)).isEqualTo(0.3);
        // the same stream gives the same child
        assertThat(Nsga2Variation.sbx(0.1, 0.9, 0, 1, 2, Seeds.generator(5, 3, "sbx")))
                .isEqualTo(Nsga2Variation.sbx(0.1, 0.9, 0, 1, 2, Seeds.generator(5, 3, "sbx")));
    }

    @Test
    void polynomialMutationStaysInTheRangeEvenAtItsEnds() {
        UniformRandomProvider rng = Seeds.generator(2, 0, "mutation");
        for (int i = 0; i < 1000; i++) {
            assertThat(Nsga2Variation.polynomial(i % 2 == 0 ? 0 : 1, 0, 1, 20, rng)).isBetween(0.0, 1.0);
        }
        assertThat(Nsga2Variation.polynomial(0.5, 0.5, 0.5, 20, rng)).isEqualTo(0.5);
    }

    @Test
    void aStudyOfTwoObjectivesRunsThroughOptimizeAndBeatsRandomSearch() {
        List<Double> nsga2 = new ArrayList<>();
        List<Double> random = new ArrayList<>();
        for (int seed = 0; seed < 5; seed++) {
            nsga2.add(Zdt1.hypervolume(Nsga2Sampler.builder().seed(seed).populationSize(20).build(), 200));
            random.add(Zdt1.hypervolume(new RandomSampler(seed), 200));
        }
        nsga2.sort(null);
        random.sort(null);
        assertThat(nsga2.get(2)).isGreaterThan(random.get(2));
    }

    @Test
    void badOptionsAreRefusedSayingWhatIsAllowed() {
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("nsga2", 1, Map.of("population", "4")))
                .withMessageContaining("unknown NSGA-II option 'population' (tuner.nsga2.population); use populationSize");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("nsga2", 1, Map.of("populationSize", "1")))
                .withMessage("NSGA-II option populationSize must be at least 2, but it is 1");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("nsga2", 1, Map.of("crossover", "blx")))
                .withMessage("NSGA-II option crossover must be sbx or uniform, but it is 'blx'");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("nsga2", 1, Map.of("mutationProb", "x")))
                .withMessage("NSGA-II option mutationProb (tuner.nsga2.mutationProb) must be a number, but it is 'x'");
    }
}
