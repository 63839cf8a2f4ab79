package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamplersTest {

    private static final Map<String, Class<? extends Sampler>> TYPES = Map.of(
            "auto", AutoSampler.class,
            "tpe", TpeSampler.class,
            "random", RandomSampler.class,
            "grid", GridSampler.class,
            "qmc", QmcSampler.class,
            "cmaes", CmaEsSampler.class,
            "gp", GpSampler.class,
            "nsga2", Nsga2Sampler.class);

    @Test
    void theNamesAreTheEightSamplersAndTheDefaultIsAuto() {
        assertThat(Samplers.names()).containsExactly("auto", "tpe", "random", "grid", "qmc", "cmaes", "gp", "nsga2");
        assertThat(Samplers.DEFAULT).isEqualTo("auto");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "tpe", "random", "grid", "qmc", "cmaes", "gp", "nsga2"})
    void everyNameCreatesItsSampler(String name) {
        assertThat(Samplers.create(name, 9)).isExactlyInstanceOf(TYPES.get(name));
    }

    @Test
    void theSeedIsTheSamplersSeed() {
        assertThat(Samplers.create("random", 9)).hasToString("RandomSampler[seed=9]");
        assertThat(Samplers.create("qmc", 9)).hasToString("QmcSampler[seed=9]");
        assertThat(Samplers.create("grid", 9)).hasToString("GridSampler[seed=9, points=" + GridSampler.DEFAULT_POINTS + "]");
        assertThat(Samplers.create("tpe", 9)).hasToString(TpeSampler.builder().seed(9).build().toString());
        assertThat(Samplers.create("cmaes", 9)).hasToString(CmaEsSampler.builder().seed(9).build().toString());
        assertThat(Samplers.create("gp", 9)).hasToString(GpSampler.builder().seed(9).build().toString());
        assertThat(Samplers.create("nsga2", 9)).hasToString(Nsga2Sampler.builder().seed(9).build().toString());
        assertThat(Samplers.create("nsga2", 9).toString()).startsWith("Nsga2Sampler[seed=9, ");
        assertThat(List.of(Samplers.create("tpe", 9), Samplers.create("cmaes", 9), Samplers.create("gp", 9)))
                .allSatisfy(sampler -> assertThat(sampler.toString()).contains("[seed=9, "));
        // auto shows no seed: it hands it to the samplers it picks, so the same seed proposes the same
        assertThat(firstValues(Samplers.create("auto", 9))).isEqualTo(firstValues(Samplers.create("auto", 9)))
                .isNotEqualTo(firstValues(Samplers.create("auto", 10)));
    }

    /** The knob values of the first eight trials of a small flat space. */
    private static List<List<Object>> firstValues(Sampler sampler) {
        Study study = Studies.inMemory("first", sampler);
        return IntStream.range(0, 8).mapToObj(i -> {
            var trial = study.ask();
            double x = trial.suggestFloat("x", -5, 5);
            int n = trial.suggestInt("n", 1, 10);
            study.tell(trial, x * x + n);
            return List.<Object>of(x, n);
        }).toList();
    }

    @Test
    void optionsAreAppliedToTheSamplerTheyName() {
        assertThat(Samplers.create("tpe", 9, Map.of("multivariate", "false", "gamma", "0.25", "startupTrials", "7")))
                .hasToString(TpeSampler.builder().seed(9).multivariate(false).gamma(0.25).startupTrials(7).build().toString())
                .asString().contains("multivariate=false", "gamma=0.25", "startupTrials=7");
        assertThat(Samplers.create("cmaes", 9, Map.of("populationSize", "16", "fallback", "random")))
                .hasToString(CmaEsSampler.builder().seed(9).populationSize(16).fallback("random").build().toString())
                .asString().contains("populationSize=16", "fallback=random");
        assertThat(Samplers.create("gp", 9, Map.of("candidates", "64", "startupTrials", "3")))
                .hasToString(GpSampler.builder().seed(9).candidates(64).startupTrials(3).build().toString())
                .asString().contains("startupTrials=3", "candidates=64");
        assertThat(Samplers.create("grid", 9, Map.of("points", " 5 "))).hasToString("GridSampler[seed=9, points=5]");
        assertThat(Samplers.create("auto", 9, Map.of("gpTrials", "150", "afterGp", "tpe")))
                .hasToString("AutoSampler[gpTrials=150, afterGp=tpe]");
        assertThat(Samplers.create("auto", 9)).hasToString("AutoSampler[gpTrials=300, afterGp=cmaes]");
    }

    @Test
    void anOptionTheSamplerDoesNotKnowIsRefusedNamingTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("tpe", 1, Map.of("gama", "0.2")))
                .withMessageStartingWith("unknown TPE option 'gama'; use multivariate, startupTrials, candidates, gamma,");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("cmaes", 1, Map.of("popSize", "8")))
                .withMessageStartingWith("unknown CMA-ES option 'popSize' (tuner.cmaes.popSize); use populationSize,");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("gp", 1, Map.of("points", "8")))
                .withMessage("unknown GP option 'points' (tuner.gp.points); use startupTrials, candidates, localStarts,"
                        + " fitPoints, maxPoints or acquisition");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("grid", 1, Map.of("size", "8")))
                .withMessage("the grid sampler knows the option 'points' only, not 'size' (tuner.grid.points)");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("auto", 1, Map.of("gpTrial", "8")))
                .withMessageStartingWith("the auto sampler knows the options [")
                .withMessageContaining("gpTrials").withMessageContaining("afterGp")
                .withMessageEndingWith("], not 'gpTrial' (tuner.auto.gpTrial)");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("random", 1, Map.of("seed", "8")))
                .withMessage("the random sampler takes no options, but got [seed]");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("qmc", 1, Map.of("scramble", "no")))
                .withMessage("the qmc sampler takes no options, but got [scramble]");
    }

    @Test
    void aBadOptionValueIsRefusedSayingWhatToGive() {
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("grid", 1, Map.of("points", "many")))
                .withMessage("tuner.grid.points=many is not a whole number; give e.g. 10");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("grid", 1, Map.of("points", "1")))
                .withMessage("a grid needs at least 2 points per range, not 1");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("auto", 1, Map.of("gpTrials", "-1")))
                .withMessage("tuner.auto.gpTrials=-1 is not a whole number ≥ 0; give e.g. 200 (0 never uses GP)");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("auto", 1, Map.of("afterGp", "gp")))
                .withMessage("tuner.auto.afterGp=gp is not a sampler for long numeric studies; give tpe, cmaes, random or qmc");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("cmaes", 1, Map.of("sigma0", "wide")))
                .withMessage("tuner.cmaes.sigma0=wide is not a number");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("tpe", 1, Map.of("multivariate", "yes")))
                .withMessage("TPE option 'multivariate' must be true or false, but it is 'yes'");
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("gp", 1, Map.of("candidates", "0")))
                .withMessage("GP option candidates must be at least 1, but it is 0");
    }

    @Test
    void rejectsUnknownNamesListingTheKnownOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Samplers.create("cma", 1))
                .withMessage("unknown sampler 'cma'; use one of auto, tpe, random, grid, qmc, cmaes, gp, nsga2");
    }

    @Test
    void namesAreCaseSensitive() {
        assertThatIllegalArgumentException().isThrownBy(() -> Samplers.create("Random", 1))
                .withMessageStartingWith("unknown sampler 'Random'; use one of");
    }
}
