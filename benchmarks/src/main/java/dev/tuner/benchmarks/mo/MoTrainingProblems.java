package dev.tuner.benchmarks.mo;

import dev.tuner.core.pareto.Hypervolume;
import dev.tuner.core.pareto.NonDominatedSort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The training suite of the multi-objective benchmark ({@code --suite training}): problems outside
 * {@code shared/bench/mo.md} to choose the defaults of samplers of several objectives on, so that the
 * public problems stay a test. Standard problems from the literature, all minimized, constraints
 * feasible when {@code ≤ 0}:
 *
 * <ul>
 *   <li>{@code zdt4} (Zitzler, Deb and Thiele 2000): 10 knobs, x0 in [0, 1] and the rest in [-5, 5];
 *       21^9 local fronts; the true front is ZDT1's.
 *   <li>{@code zdt6}: 10 knobs in [0, 1]; a front f2 = 1 - f1² on f1 in [0.2808, 1], thinly and unevenly
 *       reached.
 *   <li>{@code dtlz4} (Deb, Thiele, Laumanns and Zitzler 2005): DTLZ2 with the position knobs raised to
 *       the 100th power, 3 objectives, 7 knobs; the unit sphere's octant as front.
 *   <li>{@code dtlz7}: 3 objectives, 7 knobs; a front in four disconnected patches.
 *   <li>{@code kursawe} (Kursawe 1991): 3 knobs in [-5, 5], 2 objectives; a disconnected front.
 *   <li>{@code srn} (Srinivas and Deb 1994): 2 knobs in [-20, 20], 2 constraints.
 *   <li>{@code tnk} (Tanaka 1995): 2 knobs in [0, π], 2 constraints; a wavy, disconnected front.
 *   <li>{@code mixed-train}: the shape of the public {@code mixed} (log learning rate, layers, an
 *       architecture) with other architectures and constants.
 * </ul>
 *
 * <p>The fronts are sampled densely (analytic where known, else the non-dominated subset of a grid over
 * the knobs), and each problem's two reference points are the front's nadir pushed out by a tenth of its
 * span ({@code ref}) and a point that random search's early sets dominate ({@code ref_wide}), as
 * {@code mo.md} sets them for its problems.
 */
final class MoTrainingProblems {

    static final List<String> MIXED_ARCHS = List.of("linear", "forest", "boosted", "deep");
    private static final Map<String, double[]> MIXED = Map.of(
            // floor of the loss, the best log10(lr), the latency's fixed part and its part per layer
            "linear", new double[] {0.35, -1.0, 0.2, 0.3},
            "forest", new double[] {0.22, -2.5, 0.6, 0.9},
            "boosted", new double[] {0.15, -3.0, 1.0, 1.6},
            "deep", new double[] {0.06, -4.5, 2.5, 3.0});

    private static final Map<String, MoProblem> PROBLEMS = define();

    private MoTrainingProblems() {}

    /** Every training problem, in the order of the class comment. */
    static List<MoProblem> all() {
        return List.copyOf(PROBLEMS.values());
    }

    /** The training problems' names. */
    static List<String> names() {
        return List.copyOf(PROBLEMS.keySet());
    }

    /** The training problem of that name, if there is one. */
    static MoProblem named(String name) {
        return PROBLEMS.get(name);
    }

    private static Map<String, MoProblem> define() {
        Map<String, MoProblem> problems = new LinkedHashMap<>();
        List<MoParameter> zdt4Space = new ArrayList<>();
        zdt4Space.add(MoParameter.uniform("x0", 0.0, 1.0));
        for (int i = 1; i < 10; i++) {
            zdt4Space.add(MoParameter.uniform("x" + i, -5.0, 5.0));
        }
        add(problems, "zdt4", 2, 0, zdt4Space, new double[] {1.1, 1.1}, new double[] {1.1, 200.0},
                MoProblems.vector(10, MoTrainingProblems::zdt4), TrueFronts::zdt1);
        add(problems, "zdt6", 2, 0, MoProblems.floats(10), new double[] {1.1, 1.1}, new double[] {1.1, 11.0},
                MoProblems.vector(10, MoTrainingProblems::zdt6), MoTrainingProblems::zdt6Front);
        add(problems, "dtlz4", 3, 0, MoProblems.floats(7), new double[] {1.1, 1.1, 1.1}, new double[] {1.1, 1.1, 1.1},
                MoProblems.vector(7, MoTrainingProblems::dtlz4), TrueFronts::dtlz2);
        add(problems, "dtlz7", 3, 0, MoProblems.floats(7), new double[] {1.1, 1.1, 6.6}, new double[] {1.1, 1.1, 13.0},
                MoProblems.vector(7, MoTrainingProblems::dtlz7), MoTrainingProblems::dtlz7Front);
        double[][] kursawe = kursaweFront();
        add(problems, "kursawe", 2, 0, List.of(MoParameter.uniform("x0", -5, 5), MoParameter.uniform("x1", -5, 5),
                        MoParameter.uniform("x2", -5, 5)), pushedOut(kursawe, 0.1), pushedOut(kursawe, 0.5),
                MoProblems.vector(3, MoTrainingProblems::kursawe), () -> kursawe);
        double[][] srn = srnFront();
        add(problems, "srn", 2, 2, List.of(MoParameter.uniform("x0", -20, 20), MoParameter.uniform("x1", -20, 20)),
                pushedOut(srn, 0.1), pushedOut(srn, 0.5), p -> srn((Double) p.get("x0"), (Double) p.get("x1")), () -> srn);
        add(problems, "tnk", 2, 2, List.of(MoParameter.uniform("x0", 0, Math.PI), MoParameter.uniform("x1", 0, Math.PI)),
                new double[] {1.2, 1.2}, new double[] {2.0, 2.0},
                p -> tnk((Double) p.get("x0"), (Double) p.get("x1")), MoTrainingProblems::tnkFront);
        double[][] mixed = mixedFront();
        add(problems, "mixed-train", 2, 0, List.of(MoParameter.logUniform("lr", 1e-6, 1.0),
                        MoParameter.integer("layers", 1, 10), MoParameter.categorical("arch", MIXED_ARCHS)),
                pushedOut(mixed, 0.1), pushedOut(mixed, 0.5),
                p -> new MoEvaluation(mixed((Double) p.get("lr"), (Integer) p.get("layers"), (String) p.get("arch")),
                        new double[0]), () -> mixed);
        return problems;
    }

    private static void add(Map<String, MoProblem> problems, String name, int objectives, int constraints,
            List<MoParameter> space, double[] reference, double[] wideReference,
            Function<Map<String, Object>, MoEvaluation> evaluate, Supplier<double[][]> front) {
        problems.put(name, new MoProblem(name, objectives, constraints, space, reference, wideReference, evaluate, front,
                () -> Hypervolume.of(front.get(), reference), () -> Hypervolume.of(front.get(), wideReference)));
    }

    // ---- the functions

    static double[] zdt4(double[] x) {
        double g = 1.0 + 10.0 * (x.length - 1);
        for (int i = 1; i < x.length; i++) {
            g += x[i] * x[i] - 10.0 * Math.cos(4.0 * Math.PI * x[i]);
        }
        return new double[] {x[0], g * (1.0 - Math.sqrt(x[0] / g))};
    }

    static double[] zdt6(double[] x) {
        double f1 = 1.0 - Math.exp(-4.0 * x[0]) * Math.pow(Math.sin(6.0 * Math.PI * x[0]), 6);
        double sum = 0;
        for (int i = 1; i < x.length; i++) {
            sum += x[i];
        }
        double g = 1.0 + 9.0 * Math.pow(sum / (x.length - 1), 0.25);
        double ratio = f1 / g;
        return new double[] {f1, g * (1.0 - ratio * ratio)};
    }

    static double[] dtlz4(double[] x) {
        double[] mapped = x.clone();
        for (int i = 0; i < 2; i++) {
            mapped[i] = Math.pow(x[i], 100);
        }
        return MoFunctions.dtlz2(mapped, 3);
    }

    static double[] dtlz7(double[] x) {
        int m = 3;
        double sum = 0;
        for (int i = m - 1; i < x.length; i++) {
            sum += x[i];
        }
        double g = 1.0 + 9.0 / (x.length - m + 1) * sum;
        return new double[] {x[0], x[1], (1.0 + g) * dtlz7H(x[0], x[1], g)};
    }

    private static double dtlz7H(double f1, double f2, double g) {
        return 3.0 - f1 / (1.0 + g) * (1.0 + Math.sin(3.0 * Math.PI * f1))
                - f2 / (1.0 + g) * (1.0 + Math.sin(3.0 * Math.PI * f2));
    }

    static double[] kursawe(double[] x) {
        double f1 = 0;
        for (int i = 0; i < 2; i++) {
            f1 += -10.0 * Math.exp(-0.2 * Math.sqrt(x[i] * x[i] + x[i + 1] * x[i + 1]));
        }
        double f2 = 0;
        for (double xi : x) {
            f2 += Math.pow(Math.abs(xi), 0.8) + 5.0 * Math.sin(xi * xi * xi);
        }
        return new double[] {f1, f2};
    }

    static MoEvaluation srn(double x0, double x1) {
        double f1 = 2.0 + (x0 - 2) * (x0 - 2) + (x1 - 1) * (x1 - 1);
        double f2 = 9.0 * x0 - (x1 - 1) * (x1 - 1);
        return new MoEvaluation(new double[] {f1, f2}, new double[] {x0 * x0 + x1 * x1 - 225.0, x0 - 3.0 * x1 + 10.0});
    }

    static MoEvaluation tnk(double x0, double x1) {
        double c1 = -x0 * x0 - x1 * x1 + 1.0 + 0.1 * Math.cos(16.0 * Math.atan2(x0, x1));
        double c2 = (x0 - 0.5) * (x0 - 0.5) + (x1 - 0.5) * (x1 - 0.5) - 0.5;
        return new MoEvaluation(new double[] {x0, x1}, new double[] {c1, c2});
    }

    static double[] mixed(double lr, int layers, String arch) {
        double[] c = MIXED.get(arch);
        double decades = Math.log10(lr) - c[1];
        return new double[] {c[0] + 0.5 / layers + 0.08 * decades * decades, c[2] + c[3] * layers};
    }

    // ---- the fronts

    /** f2 = 1 - f1² from f1's smallest value on ZDT6's front, 0.28077531, to 1. */
    private static double[][] zdt6Front() {
        double low = 0.2807753191;
        double[][] front = new double[1001][];
        for (int i = 0; i < front.length; i++) {
            double f1 = low + (1.0 - low) * i / (front.length - 1);
            front[i] = new double[] {f1, 1.0 - f1 * f1};
        }
        return front;
    }

    /** The non-dominated points of DTLZ7's g = 1 surface over a 120 × 120 grid of (f1, f2). */
    private static double[][] dtlz7Front() {
        List<double[]> surface = new ArrayList<>();
        int n = 120;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double f1 = i / (n - 1.0);
                double f2 = j / (n - 1.0);
                surface.add(new double[] {f1, f2, 2.0 * dtlz7H(f1, f2, 1.0)});
            }
        }
        double[][] points = surface.toArray(double[][]::new);
        return Arrays.stream(NonDominatedSort.nonDominated(points)).mapToObj(i -> points[i]).toArray(double[][]::new);
    }

    /** The non-dominated points of a 200³ grid over Kursawe's box, kept as the lowest f2 in each of 20,000 slices of f1. */
    private static double[][] kursaweFront() {
        int n = 200;
        Slices slices = new Slices(-20.0, -4.0, 20_000);
        double[] x = new double[3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    x[0] = -5 + 10.0 * i / (n - 1);
                    x[1] = -5 + 10.0 * j / (n - 1);
                    x[2] = -5 + 10.0 * k / (n - 1);
                    slices.add(kursawe(x));
                }
            }
        }
        return TrueFronts.nonDominated2d(slices.points());
    }

    /**
     * SRN's front: the literature's x0 = -2.5 curve (x1 from 2.5 to the circle's edge) together with the
     * feasible non-dominated points of a 3000 × 3000 grid, which reach a little past the curve's ends.
     */
    private static double[][] srnFront() {
        Slices slices = new Slices(0.0, 1000.0, 50_000);
        double top = Math.sqrt(225.0 - 6.25);
        for (int i = 0; i <= 2000; i++) {
            slices.add(srn(-2.5, 2.5 + (top - 2.5) * i / 2000.0).objectives());
        }
        int n = 3000;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                MoEvaluation evaluation = srn(-20.0 + 40.0 * i / (n - 1), -20.0 + 40.0 * j / (n - 1));
                if (evaluation.feasible()) {
                    slices.add(evaluation.objectives());
                }
            }
        }
        return TrueFronts.nonDominated2d(slices.points());
    }

    /** The feasible non-dominated points of a 2000 × 2000 grid over [0, 1.2]², where TNK's front lies, by slices of f1. */
    private static double[][] tnkFront() {
        int n = 2000;
        Slices slices = new Slices(0.0, 1.2, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                MoEvaluation evaluation = tnk(1.2 * i / (n - 1), 1.2 * j / (n - 1));
                if (evaluation.feasible()) {
                    slices.add(evaluation.objectives());
                }
            }
        }
        return TrueFronts.nonDominated2d(slices.points());
    }

    /** Every architecture and number of layers at its best learning rate, the non-dominated ones. */
    private static double[][] mixedFront() {
        List<double[]> points = new ArrayList<>();
        for (String arch : MIXED_ARCHS) {
            for (int layers = 1; layers <= 10; layers++) {
                points.add(mixed(Math.pow(10.0, MIXED.get(arch)[1]), layers, arch));
            }
        }
        return TrueFronts.nonDominated2d(points.toArray(double[][]::new));
    }

    // ---- helpers

    /** The point of lowest f2 in each of equal slices of f1: a dense grid's front without keeping the grid. */
    private static final class Slices {
        private final double low;
        private final double width;
        private final double[][] lowest;

        Slices(double low, double high, int count) {
            this.low = low;
            this.width = (high - low) / count;
            this.lowest = new double[count][];
        }

        void add(double[] point) {
            int slice = (int) Math.min(lowest.length - 1, Math.max(0, Math.floor((point[0] - low) / width)));
            if (lowest[slice] == null || point[1] < lowest[slice][1]) {
                lowest[slice] = point.clone();
            }
        }

        double[][] points() {
            return Arrays.stream(lowest).filter(Objects::nonNull).toArray(double[][]::new);
        }
    }

    /** The front's nadir plus {@code share} of its span, objective by objective. */
    private static double[] pushedOut(double[][] front, double share) {
        int m = front[0].length;
        double[] reference = new double[m];
        for (int k = 0; k < m; k++) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double[] point : front) {
                low = Math.min(low, point[k]);
                high = Math.max(high, point[k]);
            }
            reference[k] = high + share * (high - low);
        }
        return reference;
    }
}
