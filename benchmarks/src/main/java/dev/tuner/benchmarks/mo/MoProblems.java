package dev.tuner.benchmarks.mo;

import dev.tuner.core.pareto.Hypervolume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The eight problems of {@code shared/bench/mo.md}, defined as {@code mo_functions.py} defines
 * them, in its order: zdt1, zdt2, zdt3, dtlz2, mixed, bnh, constr, c2dtlz2.
 */
public final class MoProblems {

    private static final int ZDT_N = 10;
    private static final int DTLZ_N = 7;
    private static final double[] ZDT_REF = {1.1, 1.1};
    private static final double[] ZDT_REF_WIDE = {1.1, 11.0};
    private static final double[] CUBE_REF = {1.1, 1.1, 1.1};

    private static final Map<String, MoProblem> PROBLEMS = define();

    private MoProblems() {}

    /** Every problem, in the order of {@code mo_functions.PROBLEM_ORDER}. */
    public static List<MoProblem> all() {
        return List.copyOf(PROBLEMS.values());
    }

    /** The problems' names, in order. */
    public static List<String> names() {
        return List.copyOf(PROBLEMS.keySet());
    }

    /**
     * The problem of that name.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static MoProblem named(String name) {
        MoProblem problem = PROBLEMS.get(name);
        if (problem == null) {
            throw new IllegalArgumentException("no multi-objective problem " + name + "; use one of " + names());
        }
        return problem;
    }

    private static Map<String, MoProblem> define() {
        Map<String, MoProblem> problems = new LinkedHashMap<>();
        add(problems, new MoProblem("zdt1", 2, 0, floats(ZDT_N), ZDT_REF, ZDT_REF_WIDE,
                vector(ZDT_N, MoFunctions::zdt1), TrueFronts::zdt1,
                () -> 0.11 + 0.1 + 2.0 / 3.0, () -> 10.0 + 2.0 / 3.0 + 1.1));
        add(problems, new MoProblem("zdt2", 2, 0, floats(ZDT_N), ZDT_REF, ZDT_REF_WIDE,
                vector(ZDT_N, MoFunctions::zdt2), TrueFronts::zdt2,
                () -> 0.11 + 0.1 + 1.0 / 3.0, () -> 10.0 + 1.0 / 3.0 + 1.1));
        add(problems, new MoProblem("zdt3", 2, 0, floats(ZDT_N), ZDT_REF, ZDT_REF_WIDE,
                vector(ZDT_N, MoFunctions::zdt3), TrueFronts::zdt3,
                () -> TrueFronts.zdt3Hypervolume(ZDT_REF), () -> TrueFronts.zdt3Hypervolume(ZDT_REF_WIDE)));
        add(problems, new MoProblem("dtlz2", 3, 0, floats(DTLZ_N), CUBE_REF, CUBE_REF,
                vector(DTLZ_N, x -> MoFunctions.dtlz2(x, 3)), TrueFronts::dtlz2,
                MoProblems::dtlz2Hypervolume, MoProblems::dtlz2Hypervolume));
        double[] mixedRef = {1.1, 37.5};
        add(problems, new MoProblem("mixed", 2, 0,
                List.of(MoParameter.logUniform("lr", 1e-5, 1e-1), MoParameter.integer("layers", 1, 8),
                        MoParameter.categorical("arch", MoFunctions.MIXED_ARCHS)),
                mixedRef, mixedRef,
                p -> new MoEvaluation(MoFunctions.mixed((Double) p.get("lr"), (Integer) p.get("layers"),
                        (String) p.get("arch")), new double[0]),
                TrueFronts::mixed, () -> mixedHypervolume(mixedRef), () -> mixedHypervolume(mixedRef)));
        double[] bnhRef = {150.0, 55.0};
        add(problems, new MoProblem("bnh", 2, 2,
                List.of(MoParameter.uniform("x", 0.0, 5.0), MoParameter.uniform("y", 0.0, 3.0)), bnhRef, bnhRef,
                p -> MoFunctions.bnh((Double) p.get("x"), (Double) p.get("y")), TrueFronts::bnh,
                () -> TrueFronts.bnhHypervolume(bnhRef), () -> TrueFronts.bnhHypervolume(bnhRef)));
        double[] constrRef = {1.1, 10.0};
        add(problems, new MoProblem("constr", 2, 2,
                List.of(MoParameter.uniform("x1", 0.1, 1.0), MoParameter.uniform("x2", 0.0, 5.0)), constrRef, constrRef,
                p -> MoFunctions.constr((Double) p.get("x1"), (Double) p.get("x2")), TrueFronts::constr,
                TrueFronts::constrHypervolume, TrueFronts::constrHypervolume));
        add(problems, new MoProblem("c2dtlz2", 3, 1, floats(DTLZ_N), CUBE_REF, CUBE_REF,
                p -> {
                    double[] f = MoFunctions.dtlz2(vectorOf(p, DTLZ_N), 3);
                    return new MoEvaluation(f, new double[] {MoFunctions.c2dtlz2Constraint(f, 0.4)});
                },
                TrueFronts::c2dtlz2, () -> TrueFronts.C2DTLZ2_HV_P200, () -> TrueFronts.C2DTLZ2_HV_P200));
        return problems;
    }

    private static void add(Map<String, MoProblem> problems, MoProblem problem) {
        problems.put(problem.name(), problem);
    }

    /** 1.1^3 - pi/6: the cube up to the reference minus the unit sphere's octant. */
    private static double dtlz2Hypervolume() {
        return Math.pow(1.1, 3) - Math.PI / 6.0;
    }

    private static double mixedHypervolume(double[] reference) {
        return Hypervolume.of(TrueFronts.mixed(), reference);
    }

    /** x0..x(n-1), each a float in [0, 1]. */
    static List<MoParameter> floats(int n) {
        List<MoParameter> space = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            space.add(MoParameter.uniform("x" + i, 0.0, 1.0));
        }
        return space;
    }

    static Function<Map<String, Object>, MoEvaluation> vector(int n, Function<double[], double[]> objectives) {
        return p -> new MoEvaluation(objectives.apply(vectorOf(p, n)), new double[0]);
    }

    private static double[] vectorOf(Map<String, Object> params, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (Double) params.get("x" + i);
        }
        return x;
    }
}
