package dev.tuner.benchmarks.mo;

import java.util.List;

/**
 * One knob of a multi-objective problem's space, as {@code mo_functions.py} declares it: a float in
 * [low, high] (uniform or log-uniform), an integer in [low, high] (both included), or a choice among
 * named categories (in that order).
 *
 * @param name the knob's name in the problem's parameters
 * @param kind what values it takes
 * @param low the smallest value (unused for a choice)
 * @param high the largest value (unused for a choice)
 * @param choices the categories of a choice, empty otherwise
 */
public record MoParameter(String name, Kind kind, double low, double high, List<String> choices) {

    /** What values a knob takes; the names are those of {@code mo_functions.py}'s spaces. */
    public enum Kind {
        /** A float, uniform in [low, high]. */
        FLOAT("float"),
        /** A float, log-uniform in [low, high]. */
        LOG_FLOAT("logfloat"),
        /** An integer in [low, high]. */
        INT("int"),
        /** One of the named categories. */
        CATEGORICAL("cat");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The kind's name in {@code mo_functions.py} and {@code mo_quality.json}. */
        public String label() {
            return label;
        }
    }

    static MoParameter uniform(String name, double low, double high) {
        return new MoParameter(name, Kind.FLOAT, low, high, List.of());
    }

    static MoParameter logUniform(String name, double low, double high) {
        return new MoParameter(name, Kind.LOG_FLOAT, low, high, List.of());
    }

    static MoParameter integer(String name, int low, int high) {
        return new MoParameter(name, Kind.INT, low, high, List.of());
    }

    static MoParameter categorical(String name, List<String> choices) {
        return new MoParameter(name, Kind.CATEGORICAL, Double.NaN, Double.NaN, List.copyOf(choices));
    }

    /** The space entry as {@code mo_quality.json} writes it: {@code [name, kind, low, high]} or {@code [name, "cat", [choices]]}. */
    List<Object> describe() {
        return switch (kind) {
            case CATEGORICAL -> List.of(name, kind.label, choices);
            case INT -> List.of(name, kind.label, (int) low, (int) high);
            default -> List.of(name, kind.label, low, high);
        };
    }
}
