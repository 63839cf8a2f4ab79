package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.pareto.Hypervolume;
import dev.tuner.core.study.Objective;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GP sampler on studies of several objectives and with constraints. */
class GpFrontTest {

    private static Sampler gp(long seed) {
        return GpSampler.builder().seed(seed).candidates(256).localStarts(2).acquisition("ehvi").build();
    }

    private static Sampler parego(long seed) {
        return GpSampler.builder().seed(seed).candidates(256).localStarts(2).build();
    }

    /** ZDT1 on 4 knobs: f1 = x0, f2 = g (1 - √(x0 / g)), g = 1 + 9 mean(x1..x3); its front is g = 1. */
    private static final Objective ZDT1 = Objective.several(trial -> {
        double x0 = trial.suggestFloat("x0", 0, 1);
        double sum = 0;
        for (int i = 1; i < 4; i++) {
            sum += trial.suggestFloat("x" + i, 0, 1);
        }
        double g = 1 + 9 * sum / 3;
        return new double[] {x0, g * (1 - Math.sqrt(x0 / g))};
    });

    private static double hypervolume(Study study, double[] reference) {
        double[][] points = study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE && t.isFeasible())
                .map(t -> t.values().stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
        return Hypervolume.of(points, reference);
    }

    @Test
    void twoObjectivesMoveTowardsTheFrontWhereRandomSearchDoesNot() {
        double[] reference = {1.1, 1.1};
        // the true front's hypervolume within (1.1, 1.1): 1.1² - 1/3 - 0.1·1 (the part beyond x0 = 1)
        double front = 1.21 - 1.0 / 3 - 0.1;
        for (long seed = 0; seed < 2; seed++) {
            Study gp = Studies.builder("zdt1", gp(seed)).directions(Direction.MINIMIZE, Direction.MINIMIZE).build();
            gp.optimize(ZDT1, 30);
            Study scalarized = Studies.builder("zdt1", parego(seed))
                    .directions(Direction.MINIMIZE, Direction.MINIMIZE).build();
            scalarized.optimize(ZDT1, 30);
            Study random = Studies.builder("zdt1", new RandomSampler(seed))
                    .directions(Direction.MINIMIZE, Direction.MINIMIZE).build();
            random.optimize(ZDT1, 30);

            assertThat(hypervolume(gp, reference) / front).as("gp, seed %d", seed).isGreaterThan(0.85);
            assertThat(hypervolume(scalarized, reference) / front).as("gp parego, seed %d", seed).isGreaterThan(0.85);
            assertThat(hypervolume(random, reference) / front).as("random, seed %d", seed).isLessThan(0.85);
        }
    }

    @Test
    void threeObjectivesAndMaximizedOnesAreProposed() {
        Study study = Studies.builder("three", gp(3))
                .directions(Direction.MINIMIZE, Direction.MAXIMIZE, Direction.MINIMIZE).build();
        study.optimize(Objective.several(trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            double y = trial.suggestFloat("y", 0, 1);
            String kind = (String) trial.suggest("kind", dev.tuner.core.space.Choice.of("a", "b"));
            double shift = kind.equals("a") ? 0 : 0.5;
            return new double[] {x + shift, -(1 - x) * y - shift, 1 - y + shift};
        }), 16);

        assertThat(study.trials()).hasSize(16).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        // kind b is worse in every objective: past the start-up the GP proposes a
        long kindA = study.trials().stream().skip(8).filter(t -> t.params().get("kind").equals("a")).count();
        assertThat(kindA).isGreaterThanOrEqualTo(6);
    }

    /**
     * Minimize the distance to (0.2, 0.2) subject to x + y ≥ 1.2: the optimum is (0.6, 0.6), at
     * 0.32; the unconstrained optimum is far inside the infeasible region.
     */
    private static double constrained(Trial trial, boolean record) {
        double x = trial.suggestFloat("x", 0, 1);
        double y = trial.suggestFloat("y", 0, 1);
        if (record) {
            trial.constrain("sum", 1.2 - x - y);
        }
        return (x - 0.2) * (x - 0.2) + (y - 0.2) * (y - 0.2);
    }

    private static List<FrozenTrial> afterStartup(Study study) {
        return study.trials().subList(GpSampler.Builder.DEFAULT_STARTUP + 3, study.trials().size());
    }

    @Test
    void theConstrainedAcquisitionPrefersTheFeasibleRegion() {
        for (long seed = 0; seed < 2; seed++) {
            Study withConstraints = Studies.inMemory("constrained", gp(seed));
            withConstraints.optimize(trial -> constrained(trial, true), 25);
            double best = withConstraints.bestTrial().orElseThrow().value().getAsDouble();

            // the same search blind to the constraint: its proposals head for (0.2, 0.2)
            Study blind = Studies.inMemory("blind", gp(seed));
            blind.optimize(trial -> constrained(trial, false), 25);

            // the optimum is on the boundary, so proposals fall on both sides of it, but close
            assertThat(meanViolation(withConstraints)).as("mean violation of GP proposals, seed %d", seed)
                    .isLessThan(0.1);
            assertThat(meanViolation(blind)).as("mean violation ignoring the constraint, seed %d", seed)
                    .isGreaterThan(0.4);
            assertThat(best).as("best feasible value, seed %d", seed).isLessThan(0.36);
        }
    }

    private static double meanViolation(Study study) {
        return afterStartup(study).stream()
                .mapToDouble(t -> Math.max(0, 1.2 - (double) t.params().get("x") - (double) t.params().get("y")))
                .average().orElseThrow();
    }

    @Test
    void beforeAnyFeasibleTrialTheProbabilityOfFeasibilityLeads() {
        // feasible only in the corner x, y > 0.85 (2% of the space), with two objectives
        for (long seed = 0; seed < 3; seed++) {
            Study study = Studies.builder("corner", gp(seed)).directions(Direction.MINIMIZE, Direction.MINIMIZE).build();
            study.optimize(Objective.several(trial -> {
                double x = trial.suggestFloat("x", 0, 1);
                double y = trial.suggestFloat("y", 0, 1);
                trial.constrain("x", 0.85 - x);
                trial.constrain("y", 0.85 - y);
                return new double[] {x, y};
            }), 15);

            assertThat(study.trials()).as("seed %d", seed).anySatisfy(t -> assertThat(t.isFeasible()).isTrue());
        }
    }
}
