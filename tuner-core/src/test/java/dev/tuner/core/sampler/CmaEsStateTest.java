package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The algorithm on its own, unbounded, against the behaviour the tutorial (Hansen, arXiv
 * 1604.00772) and pycma's published runs show: the evaluations needed to reach 10<sup>-10</sup> on
 * the 10-D sphere (about 1,500 to 2,000), the ellipsoid of condition 10<sup>6</sup> (about 6,000)
 * and Rosenbrock (about 6,000, when it does not land in the local minimum), with slack for one seed.
 */
class CmaEsStateTest {

    static final ToDoubleFunction<double[]> SPHERE = x -> {
        double f = 0;
        for (double v : x) {
            f += v * v;
        }
        return f;
    };

    static final ToDoubleFunction<double[]> ELLIPSOID = x -> {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f += Math.pow(1e6, i / (x.length - 1.0)) * x[i] * x[i];
        }
        return f;
    };

    static final ToDoubleFunction<double[]> ROSENBROCK = x -> {
        double f = 0;
        for (int i = 0; i < x.length - 1; i++) {
            f += 100 * Math.pow(x[i] * x[i] - x[i + 1], 2) + Math.pow(x[i] - 1, 2);
        }
        return f;
    };

    /** The evaluations a run from {@code start} with σ = {@code sigma} needs to reach {@code target}; -1 if it does not within {@code budget}. */
    static int evaluationsToReach(ToDoubleFunction<double[]> f, double[] start, double sigma, double target, int budget,
            long seed) {
        double[] ones = new double[start.length];
        Arrays.fill(ones, 1);
        CmaEsState state = new CmaEsState(start, sigma, ones, CmaEsState.defaultLambda(start.length));
        int evaluations = 0;
        while (evaluations < budget) {
            double[][] points = new double[state.lambda()][];
            double[] values = new double[state.lambda()];
            for (int k = 0; k < points.length; k++) {
                points[k] = state.sample(Seeds.generator(seed, state.generation(), "test:" + k));
                values[k] = f.applyAsDouble(points[k]);
                evaluations++;
                if (values[k] < target) {
                    return evaluations;
                }
            }
            state.tell(points, values);
        }
        return -1;
    }

    static double[] filled(int n, double value) {
        double[] x = new double[n];
        Arrays.fill(x, value);
        return x;
    }

    static CmaEsState isotropic(double[] mean, double sigma, int lambda) {
        return new CmaEsState(mean, sigma, filled(mean.length, 1), lambda);
    }

    /** Runs {@code generations} generations on {@code f}; the state after them. */
    static CmaEsState run(CmaEsState state, ToDoubleFunction<double[]> f, int generations, long seed) {
        for (int g = 0; g < generations; g++) {
            double[][] points = new double[state.lambda()][];
            double[] values = new double[state.lambda()];
            for (int k = 0; k < points.length; k++) {
                points[k] = state.sample(Seeds.generator(seed, state.generation(), "test:" + k));
                values[k] = f.applyAsDouble(points[k]);
            }
            state.tell(points, values);
        }
        return state;
    }

    @Test
    void strategyParametersAreTheTutorialsForTenDimensions() {
        CmaEsState state = isotropic(new double[10], 1, CmaEsState.defaultLambda(10));

        // values computed by hand from Table 1 of the tutorial (pycma prints mueff 3.17 for n = 10)
        assertThat(state.lambda).isEqualTo(10);
        assertThat(state.mu).isEqualTo(5);
        assertThat(state.weights).containsExactly(new double[] {0.45627, 0.27075, 0.16223, 0.08523, 0.02551},
                org.assertj.core.data.Offset.offset(1e-5));
        assertThat(state.muEff).isCloseTo(3.16730, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(state.cs).isCloseTo(0.28443, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(state.cc).isCloseTo(0.29499, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(state.c1).isCloseTo(0.015284, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(state.cmu).isCloseTo(0.020154, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void defaultPopulationIsFourPlusThreeLogN() {
        assertThat(CmaEsState.defaultLambda(1)).isEqualTo(4);
        assertThat(CmaEsState.defaultLambda(2)).isEqualTo(6);
        assertThat(CmaEsState.defaultLambda(10)).isEqualTo(10);
        assertThat(CmaEsState.defaultLambda(100)).isEqualTo(17);
    }

    @Test
    void solvesTheSphereInTenDimensionsWithinTwoThousandEvaluations() {
        for (long seed = 0; seed < 5; seed++) {
            assertThat(evaluationsToReach(SPHERE, filled(10, 1), 0.5, 1e-10, 2_000, seed)).as("seed %d", seed)
                    .isPositive();
        }
    }

    @Test
    void learnsTheIllConditionedEllipsoid() {
        // without covariance learning, condition 1e6 would take some 10^5 evaluations or more
        for (long seed = 0; seed < 5; seed++) {
            assertThat(evaluationsToReach(ELLIPSOID, filled(10, 1), 0.5, 1e-10, 7_000, seed)).as("seed %d", seed)
                    .isPositive();
        }
    }

    @Test
    void followsRosenbrocksValley() {
        for (long seed = 0; seed < 5; seed++) {
            assertThat(evaluationsToReach(ROSENBROCK, filled(10, 0), 0.5, 1e-10, 7_500, seed)).as("seed %d", seed)
                    .isPositive();
        }
    }

    @Test
    void theStepSizeGrowsOnALinearSlopeAndShrinksNearAnOptimum() {
        CmaEsState slope = run(isotropic(new double[5], 0.1, 8), x -> x[0], 30, 1);
        CmaEsState bowl = run(isotropic(filled(5, 0.1), 0.1, 8), SPHERE, 150, 1);

        assertThat(slope.sigma()).isGreaterThan(10 * 0.1);
        assertThat(slope.mean()[0]).isLessThan(-1);
        assertThat(bowl.sigma()).isLessThan(1e-3 * 0.1);
    }

    @Test
    void theCovarianceLearnsTheEllipsoidsScales() {
        CmaEsState state = run(isotropic(filled(4, 1), 0.5, 8), x -> x[0] * x[0] + 100 * x[1] * x[1] + x[2] * x[2]
                + 100 * x[3] * x[3], 200, 3);

        double[][] c = state.covariance();
        // C approaches the inverse Hessian up to a factor: the steep coordinates' variances 100 times smaller
        assertThat(c[0][0] / c[1][1]).isBetween(30.0, 300.0);
        assertThat(c[2][2] / c[3][3]).isBetween(30.0, 300.0);
    }

    @Test
    void aFlatFunctionStopsTheRunAfterTwoFlatGenerations() {
        CmaEsState state = run(isotropic(new double[3], 0.3, 6), x -> 1.0, 1, 1);
        assertThat(state.stopReason()).isNull();

        run(state, x -> 1.0, 1, 2);
        assertThat(state.stopReason()).isEqualTo("flat fitness");
    }

    @Test
    void aConvergedRunStopsByTolFun() {
        CmaEsState state = isotropic(filled(3, 1), 0.5, 7);
        int generations = 0;
        while (state.stopReason() == null && generations < 2_000) {
            run(state, SPHERE, 1, generations++);
        }

        assertThat(state.stopReason()).isEqualTo("tolfun");
        assertThat(SPHERE.applyAsDouble(state.mean())).isLessThan(1e-12);
    }

    @Test
    void pointsInTheUnitBoxStayInsideItEvenFromAMeanOutside() {
        CmaEsState inside = isotropic(filled(3, 0.9), 0.3, 6);
        CmaEsState outside = isotropic(filled(3, 5), 0.1, 6);
        for (int k = 0; k < 200; k++) {
            assertThat(Arrays.stream(inside.sampleInUnitBox(Seeds.generator(1, k, "box")))).allMatch(v -> v >= 0 && v <= 1);
            assertThat(outside.sampleInUnitBox(Seeds.generator(1, k, "box"))).containsOnly(1.0);
        }
    }

    @Test
    void samplingDoesNotChangeTheState() {
        CmaEsState state = isotropic(filled(3, 0.5), 0.2, 6);
        double[] first = state.sample(Seeds.generator(1, 0, "x"));
        state.sample(Seeds.generator(1, 1, "x"));

        assertThat(state.sample(Seeds.generator(1, 0, "x"))).containsExactly(first);
    }

    @Test
    void aGenerationMustHaveLambdaPoints() {
        CmaEsState state = isotropic(new double[2], 1, 6);

        assertThatIllegalArgumentException().isThrownBy(() -> state.tell(new double[5][2], new double[5]))
                .withMessageContaining("a generation has 6 points, but got 5");
    }
}
