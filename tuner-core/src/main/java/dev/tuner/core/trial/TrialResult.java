package dev.tuner.core.trial;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a trial was told: its objective values, one per direction of its study (none for a failed
 * or running trial), and the constraint values it {@linkplain Trial#constrain recorded}, by name. A
 * trial is feasible when every constraint value is at most 0, as in Optuna; a trial without
 * constraints is feasible.
 *
 * <pre>{@code
 * TrialResult told = TrialResult.of(new double[] {0.961, 12.4}, Map.of("latency", -7.6));
 * told.values();        // [0.961, 12.4]
 * told.isFeasible();    // true: latency - 20 ms is below 0
 * }</pre>
 *
 * <p>Immutable. A single value without constraints takes no more memory than the
 * {@link OptionalDouble} it stands for, since a long study keeps one per trial.
 */
public abstract class TrialResult {

    private static final TrialResult NONE = new Many(new double[0], Map.of());

    private TrialResult() {}

    /** No value and no constraint: a running or failed trial's. */
    public static TrialResult none() {
        return NONE;
    }

    /** One objective value and no constraint. */
    public static TrialResult of(double value) {
        return new One(value);
    }

    /** The value if present, else {@link #none()}. */
    public static TrialResult of(OptionalDouble value) {
        return value.isPresent() ? new One(value.getAsDouble()) : NONE;
    }

    /**
     * Objective values (copied) and constraint values by name, in the order given.
     *
     * @throws IllegalArgumentException if a constraint's name is blank or its value is NaN
     */
    public static TrialResult of(double[] values, Map<String, Double> constraints) {
        if (constraints.isEmpty()) {
            if (values.length == 0) {
                return NONE;
            }
            if (values.length == 1) {
                return new One(values[0]);
            }
        }
        Map<String, Double> checked = new LinkedHashMap<>();
        constraints.forEach((name, value) -> checked.put(checkName(name), checkConstraint(name, value)));
        return new Many(values.clone(), Collections.unmodifiableMap(checked));
    }

    /** Checks a constraint's name: not blank. */
    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a constraint needs a non-blank name, such as \"latency\"");
        }
        return name;
    }

    /** Checks a constraint's value: a number, as only a number says whether it is at most 0. */
    static double checkConstraint(String name, Double value) {
        if (value == null || value.isNaN()) {
            throw new IllegalArgumentException("constraint '" + name + "' is " + value + "; a constraint value is a"
                    + " number, at most 0 when the trial is feasible (e.g. latencyMs - 20 for latency ≤ 20 ms)");
        }
        return value;
    }

    /** How many objective values there are: one per direction of the study for a complete trial, else 0. */
    public abstract int size();

    /** The objective value at {@code index}, in the order of the study's directions. */
    public abstract double value(int index);

    /** The objective values, in the order of the study's directions; empty when the trial has none. */
    public List<Double> values() {
        Double[] boxed = new Double[size()];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = value(i);
        }
        return List.of(boxed);
    }

    /**
     * The one objective value, or empty when there is none.
     *
     * @throws IllegalStateException if there are several: a multi-objective trial has no one value
     */
    public abstract OptionalDouble value();

    /** The constraint values by name, in the order recorded; empty when the trial recorded none. */
    public abstract Map<String, Double> constraints();

    /** Whether every constraint value is at most 0 (true when there are none). */
    public boolean isFeasible() {
        for (double value : constraints().values()) {
            if (value > 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TrialResult that) || size() != that.size()) {
            return false;
        }
        for (int i = 0; i < size(); i++) {
            if (Double.compare(value(i), that.value(i)) != 0) {
                return false;
            }
        }
        return constraints().equals(that.constraints());
    }

    @Override
    public int hashCode() {
        return Objects.hash(values(), constraints());
    }

    /** The values, and the constraints when there are any: {@code [0.961, 12.4] {latency=-7.6}}. */
    @Override
    public String toString() {
        return constraints().isEmpty() ? values().toString() : values() + " " + constraints();
    }

    /** One value, no constraint: as small as an {@link OptionalDouble}. */
    private static final class One extends TrialResult {
        private final double value;

        One(double value) {
            this.value = value;
        }

        @Override
        public int size() {
            return 1;
        }

        @Override
        public double value(int index) {
            Objects.checkIndex(index, 1);
            return value;
        }

        @Override
        public OptionalDouble value() {
            return OptionalDouble.of(value);
        }

        @Override
        public Map<String, Double> constraints() {
            return Map.of();
        }

        @Override
        public boolean isFeasible() {
            return true;
        }
    }

    /** Any number of values, and constraints. */
    private static final class Many extends TrialResult {
        private final double[] values;
        private final Map<String, Double> constraints;

        Many(double[] values, Map<String, Double> constraints) {
            this.values = values;
            this.constraints = constraints;
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public double value(int index) {
            return values[index];
        }

        @Override
        public OptionalDouble value() {
            if (values.length > 1) {
                throw new IllegalStateException("there are " + values.length + " objective values " + values()
                        + ", so there is no one value; read values()");
            }
            return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(values[0]);
        }

        @Override
        public Map<String, Double> constraints() {
            return constraints;
        }
    }
}
