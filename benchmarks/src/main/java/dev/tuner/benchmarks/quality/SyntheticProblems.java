package dev.tuner.benchmarks.quality;

import dev.tuner.Direction;
import dev.tuner.core.space.Scale;
import dev.tuner.core.study.Objective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Two families of synthetic problems with the structure BBOB lacks and hyperparameter spaces have:
 * categorical knobs and conditional (tree-structured) knobs. Each family has numbered instances
 * whose constants are drawn from {@link BbobRandom#uniform(int, long)} with the instance as seed,
 * so an instance is the same problem in every run; every instance's minimum is 0.
 *
 * <ul>
 *   <li>{@code branches-iN}: a categorical {@code branch} among four, each with its own knobs
 *       (sampled only when the branch is taken): {@code quad} (two floats in [-5, 5], a shifted
 *       bowl), {@code logint} (a log-uniform rate in [1e-5, 1] and an int in 1..32, a valley
 *       coupling them), {@code ridge} (three floats in [0, 1], conditioned 1:10:100) and
 *       {@code cat} (a categorical of five levels and a float in [-1, 1] whose best value depends
 *       on the level). Each branch's floor is a random offset in [0.3, 1.5], except one branch,
 *       chosen by the instance, whose floor is 0.</li>
 *   <li>{@code mixedcat-iN}: three categoricals (3, 4 and 5 levels) and three floats in [0, 1];
 *       the value adds a random cost per level (0 for one level of each), a random interaction of
 *       the first two categoricals (0 for the best pair), and a bowl in the floats, conditioned
 *       1:4:16, whose centre depends on the first categorical.</li>
 * </ul>
 *
 * <p><b>The split.</b> Odd instances are the training half, even instances the validation half.
 */
final class SyntheticProblems {

    /** The families, by the name {@code --functions} uses. */
    static final List<String> FAMILIES = List.of("branches", "mixedcat");

    /** The instances run unless {@code --instances} says otherwise (two per half). */
    static final List<Integer> INSTANCES = List.of(1, 2, 3, 4);

    private static final List<String> BRANCHES = List.of("quad", "logint", "ridge", "cat");
    private static final List<String> LEVELS_CAT = List.of("a", "b", "c", "d", "e");
    private static final List<String> LEVELS_1 = List.of("a", "b", "c");
    private static final List<String> LEVELS_2 = List.of("p", "q", "r", "s");
    private static final List<String> LEVELS_3 = List.of("u", "v", "w", "x", "y");

    private SyntheticProblems() {}

    /** The half of an instance: odd instances train, even ones validate. */
    static Half half(int instance) {
        return instance % 2 == 1 ? Half.TRAINING : Half.VALIDATION;
    }

    /** The problems of the named families × instances. */
    static List<Problem> problems(List<String> families, List<Integer> instances) {
        List<Problem> problems = new ArrayList<>();
        for (String family : families) {
            for (int instance : instances) {
                problems.add(of(family, instance));
            }
        }
        return problems;
    }

    static Problem of(String family, int instance) {
        if (instance < 1) {
            throw new IllegalArgumentException("instances are numbered from 1, not " + instance);
        }
        switch (family) {
            case "branches":
                return branches(instance);
            case "mixedcat":
                return mixedCategorical(instance);
            default:
                throw new IllegalArgumentException("no synthetic family '" + family + "'; use one of " + FAMILIES);
        }
    }

    /** A draw in [low, high) from the instance's stream. */
    private static double between(double[] u, int index, double low, double high) {
        return low + (high - low) * u[index];
    }

    private static Synthetic branches(int instance) {
        double[] u = BbobRandom.uniform(40, 7919L * instance + 11);
        int best = (int) Math.floor(u[0] * BRANCHES.size());
        double[] floor = new double[BRANCHES.size()];
        for (int b = 0; b < floor.length; b++) {
            floor[b] = b == best ? 0 : between(u, 1 + b, 0.3, 1.5);
        }
        double qa = between(u, 5, -4, 4);
        double qb = between(u, 6, -4, 4);
        double logRate = between(u, 7, -4, -1);
        int units = 1 + (int) Math.floor(u[8] * 32);
        double[] centre = {between(u, 9, 0.1, 0.9), between(u, 10, 0.1, 0.9), between(u, 11, 0.1, 0.9)};
        int bestLevel = (int) Math.floor(u[12] * LEVELS_CAT.size());
        double[] levelCost = new double[LEVELS_CAT.size()];
        double[] levelCentre = new double[LEVELS_CAT.size()];
        for (int l = 0; l < levelCost.length; l++) {
            levelCost[l] = l == bestLevel ? 0 : between(u, 13 + l, 0.2, 1.0);
            levelCentre[l] = between(u, 18 + l, -0.8, 0.8);
        }
        Map<String, Object> argmin = new LinkedHashMap<>();
        argmin.put("branch", BRANCHES.get(best));
        switch (BRANCHES.get(best)) {
            case "quad" -> {
                argmin.put("quad.x", qa);
                argmin.put("quad.y", qb);
            }
            case "logint" -> {
                argmin.put("logint.rate", Math.pow(10, logRate));
                argmin.put("logint.units", units);
            }
            case "ridge" -> {
                for (int i = 0; i < 3; i++) {
                    argmin.put("ridge.u" + (i + 1), centre[i]);
                }
            }
            default -> {
                argmin.put("cat.level", LEVELS_CAT.get(bestLevel));
                argmin.put("cat.v", levelCentre[bestLevel]);
            }
        }
        return new Synthetic("branches", instance, argmin, trial -> {
            String branch = trial.suggestCategorical("branch", BRANCHES);
            int b = BRANCHES.indexOf(branch);
            switch (branch) {
                case "quad": {
                    double x = trial.suggestFloat("quad.x", -5, 5) - qa;
                    double y = trial.suggestFloat("quad.y", -5, 5) - qb;
                    return floor[b] + (x * x + y * y) / 10;
                }
                case "logint": {
                    double d = Math.log10(trial.suggestFloat("logint.rate", 1e-5, 1, Scale.LOG)) - logRate;
                    int n = trial.suggestInt("logint.units", 1, 32);
                    double coupling = (n - units) / 4.0 - d;
                    return floor[b] + 0.5 * d * d + 0.2 * coupling * coupling;
                }
                case "ridge": {
                    double sum = 0;
                    double scale = 1;
                    for (int i = 0; i < 3; i++) {
                        double t = trial.suggestFloat("ridge.u" + (i + 1), 0, 1) - centre[i];
                        sum += scale * t * t;
                        scale *= 10;
                    }
                    return floor[b] + 5 * sum;
                }
                default: {
                    int level = LEVELS_CAT.indexOf(trial.suggestCategorical("cat.level", LEVELS_CAT));
                    double v = trial.suggestFloat("cat.v", -1, 1) - levelCentre[level];
                    return floor[b] + levelCost[level] + v * v;
                }
            }
        });
    }

    private static Synthetic mixedCategorical(int instance) {
        double[] u = BbobRandom.uniform(80, 104729L * instance + 3);
        double[] cost1 = costs(u, 0, LEVELS_1.size());
        double[] cost2 = costs(u, 10, LEVELS_2.size());
        double[] cost3 = costs(u, 20, LEVELS_3.size());
        int best1 = argmin(cost1);
        int best2 = argmin(cost2);
        double[][] interaction = new double[LEVELS_1.size()][LEVELS_2.size()];
        for (int i = 0; i < interaction.length; i++) {
            for (int j = 0; j < interaction[i].length; j++) {
                interaction[i][j] = i == best1 && j == best2 ? 0 : between(u, 30 + 4 * i + j, 0, 0.5);
            }
        }
        double[][] centre = new double[LEVELS_1.size()][3];
        for (int i = 0; i < centre.length; i++) {
            for (int k = 0; k < 3; k++) {
                centre[i][k] = between(u, 50 + 3 * i + k, 0.05, 0.95);
            }
        }
        Map<String, Object> argmin = new LinkedHashMap<>();
        argmin.put("c1", LEVELS_1.get(best1));
        argmin.put("c2", LEVELS_2.get(best2));
        argmin.put("c3", LEVELS_3.get(argmin(cost3)));
        for (int k = 0; k < 3; k++) {
            argmin.put("x" + (k + 1), centre[best1][k]);
        }
        return new Synthetic("mixedcat", instance, argmin, trial -> {
            int c1 = LEVELS_1.indexOf(trial.suggestCategorical("c1", LEVELS_1));
            int c2 = LEVELS_2.indexOf(trial.suggestCategorical("c2", LEVELS_2));
            int c3 = LEVELS_3.indexOf(trial.suggestCategorical("c3", LEVELS_3));
            double bowl = 0;
            double scale = 1;
            for (int k = 0; k < 3; k++) {
                double t = trial.suggestFloat("x" + (k + 1), 0, 1) - centre[c1][k];
                bowl += scale * t * t;
                scale *= 4;
            }
            return cost1[c1] + cost2[c2] + cost3[c3] + interaction[c1][c2] + bowl;
        });
    }

    /** Per-level costs in [0.1, 1], one level (chosen by the stream) at 0. */
    private static double[] costs(double[] u, int offset, int levels) {
        int best = (int) Math.floor(u[offset] * levels);
        double[] cost = new double[levels];
        for (int l = 0; l < levels; l++) {
            cost[l] = l == best ? 0 : between(u, offset + 1 + l, 0.1, 1.0);
        }
        return cost;
    }

    private static int argmin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** One instance of a family as a problem: minimized, optimum 0, reached at {@code argmin} (knob name → value). */
    record Synthetic(String family, int instance, Map<String, Object> argmin, Objective formula) implements Problem {

        @Override
        public String name() {
            return String.format(Locale.ROOT, "%s-i%d", family, instance);
        }

        @Override
        public Direction direction() {
            return Direction.MINIMIZE;
        }

        @Override
        public OptionalDouble optimum() {
            return OptionalDouble.of(0);
        }

        @Override
        public Optional<Half> half() {
            return Optional.of(SyntheticProblems.half(instance));
        }

        @Override
        public Optional<String> group() {
            return Optional.of("synthetic " + family);
        }

        @Override
        public Objective objective(String samplerName, long seed, int trials) {
            return formula;
        }
    }
}
