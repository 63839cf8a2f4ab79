package dev.tuner.benchmarks.mo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One problem of the multi-objective benchmark ({@code shared/bench/mo.md}): its space, its
 * objectives (all minimized) and constraints, the reference points of its hypervolume, and its true
 * front (a deterministic sample, for IGD) with the true hypervolumes.
 */
public final class MoProblem {

    private final String name;
    private final int objectives;
    private final int constraints;
    private final List<MoParameter> space;
    private final double[] reference;
    private final double[] wideReference;
    private final Function<Map<String, Object>, MoEvaluation> evaluate;
    private final Supplier<double[][]> front;
    private final Supplier<Double> trueHypervolume;
    private final Supplier<Double> trueWideHypervolume;

    MoProblem(String name, int objectives, int constraints, List<MoParameter> space, double[] reference,
            double[] wideReference, Function<Map<String, Object>, MoEvaluation> evaluate, Supplier<double[][]> front,
            Supplier<Double> trueHypervolume, Supplier<Double> trueWideHypervolume) {
        this.name = name;
        this.objectives = objectives;
        this.constraints = constraints;
        this.space = List.copyOf(space);
        this.reference = reference.clone();
        this.wideReference = wideReference.clone();
        this.evaluate = evaluate;
        this.front = memoize(front);
        this.trueHypervolume = memoize(trueHypervolume);
        this.trueWideHypervolume = memoize(trueWideHypervolume);
    }

    /** The problem's name in {@code mo_functions.py}: {@code zdt1}, {@code bnh}, ... */
    public String name() {
        return name;
    }

    /** How many objectives, all minimized. */
    public int objectives() {
        return objectives;
    }

    /** How many constraints (0 for an unconstrained problem). */
    public int constraints() {
        return constraints;
    }

    /** The knobs, in the order of {@code mo_functions.py}. */
    public List<MoParameter> space() {
        return space;
    }

    /** The fixed hypervolume reference point ({@code ref}). */
    public double[] reference() {
        return reference.clone();
    }

    /** The loose reference point ({@code ref_wide}); the same as {@link #reference()} but for the ZDT problems. */
    public double[] wideReference() {
        return wideReference.clone();
    }

    /**
     * The objectives and constraints at a point.
     *
     * @param params a value for every knob of {@link #space()}: a {@code Double} for a float, an
     *     {@code Integer} for an integer, a {@code String} for a choice
     * @throws IllegalArgumentException when a knob is missing or of the wrong type
     */
    public MoEvaluation evaluate(Map<String, Object> params) {
        for (MoParameter parameter : space) {
            Object value = params.get(parameter.name());
            boolean fits = switch (parameter.kind()) {
                case FLOAT, LOG_FLOAT -> value instanceof Double;
                case INT -> value instanceof Integer;
                case CATEGORICAL -> value instanceof String choice && parameter.choices().contains(choice);
            };
            if (!fits) {
                throw new IllegalArgumentException("problem " + name + ": knob " + parameter.name() + " is " + value
                        + " but must be " + parameter.describe() + "; propose a value for every knob of the space");
            }
        }
        return evaluate.apply(params);
    }

    /** The true front's deterministic sample, one objective vector a row, as {@code true_front(name)} builds it. */
    public double[][] frontSample() {
        return front.get();
    }

    /** The hypervolume of the true front with {@link #reference()} ({@code wide} false) or {@link #wideReference()}. */
    public double trueHypervolume(boolean wide) {
        return wide ? trueWideHypervolume.get() : trueHypervolume.get();
    }

    /** The front sample's smallest value of each objective. */
    public double[] ideal() {
        double[] ideal = new double[objectives];
        Arrays.fill(ideal, Double.POSITIVE_INFINITY);
        for (double[] point : frontSample()) {
            for (int k = 0; k < objectives; k++) {
                ideal[k] = Math.min(ideal[k], point[k]);
            }
        }
        return ideal;
    }

    /** The front sample's largest value of each objective. */
    public double[] nadir() {
        double[] nadir = new double[objectives];
        Arrays.fill(nadir, Double.NEGATIVE_INFINITY);
        for (double[] point : frontSample()) {
            for (int k = 0; k < objectives; k++) {
                nadir[k] = Math.max(nadir[k], point[k]);
            }
        }
        return nadir;
    }

    @Override
    public String toString() {
        return name;
    }

    private static <T> Supplier<T> memoize(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = compute.get();
                }
                return value;
            }
        };
    }
}
