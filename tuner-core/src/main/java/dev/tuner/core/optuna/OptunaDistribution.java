package dev.tuner.core.optuna;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One of Optuna's three distributions as its journal names them: {@code FloatDistribution(low,
 * high, log, step)}, {@code IntDistribution(low, high, log, step)} and
 * {@code CategoricalDistribution(choices)}. Its internal value is a {@code double}: the value itself
 * for the first two, the index of the choice for the third, as in Tuner.
 *
 * @param kind which of the three
 * @param low the smallest value (float and int)
 * @param high the largest value (float and int)
 * @param log whether values spread on the log scale (float and int)
 * @param step the distance between values, {@code NaN} for none (float); at least 1 (int)
 * @param choices the options, as JSON scalars: {@code String}, {@code Boolean}, {@code Long},
 *     {@code Double} or {@code null} (categorical); empty otherwise
 */
record OptunaDistribution(Kind kind, double low, double high, boolean log, double step, List<Object> choices) {

    enum Kind { FLOAT, INT, CATEGORICAL }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static OptunaDistribution floating(double low, double high, boolean log, double step) {
        return new OptunaDistribution(Kind.FLOAT, low, high, log, step, List.of());
    }

    static OptunaDistribution integer(long low, long high, boolean log, long step) {
        return new OptunaDistribution(Kind.INT, low, high, log, step, List.of());
    }

    static OptunaDistribution categorical(List<Object> choices) {
        return new OptunaDistribution(Kind.CATEGORICAL, Double.NaN, Double.NaN, false, Double.NaN,
                java.util.Collections.unmodifiableList(new ArrayList<>(choices)));
    }

    /** Optuna's class name for this kind, as {@code distribution_to_json} writes it. */
    String className() {
        return switch (kind) {
            case FLOAT -> "FloatDistribution";
            case INT -> "IntDistribution";
            case CATEGORICAL -> "CategoricalDistribution";
        };
    }

    /** The JSON object Optuna's {@code distribution_to_json} writes (the journal holds it as a string). */
    ObjectNode toTree() {
        ObjectNode attributes = NODES.objectNode();
        switch (kind) {
            case FLOAT -> {
                attributes.put("step", (Double) null);
                if (!Double.isNaN(step)) {
                    attributes.put("step", step);
                }
                attributes.put("low", low);
                attributes.put("high", high);
                attributes.put("log", log);
            }
            case INT -> {
                attributes.put("log", log);
                attributes.put("step", (long) step);
                attributes.put("low", (long) low);
                attributes.put("high", (long) high);
            }
            case CATEGORICAL -> {
                ArrayNode array = attributes.putArray("choices");
                choices.forEach(choice -> array.add(scalar(choice)));
            }
        }
        ObjectNode tree = NODES.objectNode();
        tree.put("name", className());
        tree.set("attributes", attributes);
        return tree;
    }

    /**
     * The distribution of Optuna's JSON form, the full one ({@code {"name": ..., "attributes": ...}})
     * or the abbreviated one ({@code {"type": "float", ...}}) that Optuna reads too.
     *
     * @throws IllegalArgumentException if it is neither
     */
    static OptunaDistribution fromTree(JsonNode tree) {
        if (tree.has("name")) {
            String name = tree.path("name").asText();
            JsonNode attributes = tree.path("attributes");
            return switch (name) {
                case "FloatDistribution" -> floating(attributes.path("low").asDouble(), attributes.path("high").asDouble(),
                        attributes.path("log").asBoolean(false), stepOf(attributes.path("step")));
                case "IntDistribution" -> integer(attributes.path("low").asLong(), attributes.path("high").asLong(),
                        attributes.path("log").asBoolean(false), attributes.path("step").asLong(1));
                case "CategoricalDistribution" -> categorical(choicesOf(attributes.path("choices")));
                // the distributions Optuna 3 deprecated and still reads
                case "UniformDistribution" -> floating(attributes.path("low").asDouble(),
                        attributes.path("high").asDouble(), false, Double.NaN);
                case "LogUniformDistribution" -> floating(attributes.path("low").asDouble(),
                        attributes.path("high").asDouble(), true, Double.NaN);
                case "DiscreteUniformDistribution" -> floating(attributes.path("low").asDouble(),
                        attributes.path("high").asDouble(), false, attributes.path("q").asDouble());
                case "IntUniformDistribution" -> integer(attributes.path("low").asLong(), attributes.path("high").asLong(),
                        false, attributes.path("step").asLong(1));
                case "IntLogUniformDistribution" -> integer(attributes.path("low").asLong(),
                        attributes.path("high").asLong(), true, 1);
                default -> throw new IllegalArgumentException("unknown Optuna distribution '" + name + "' in " + tree
                        + "; Optuna 5 writes FloatDistribution, IntDistribution and CategoricalDistribution");
            };
        }
        String type = tree.path("type").asText("");
        return switch (type) {
            case "float" -> floating(tree.path("low").asDouble(), tree.path("high").asDouble(),
                    tree.path("log").asBoolean(false), stepOf(tree.path("step")));
            case "int" -> integer(tree.path("low").asLong(), tree.path("high").asLong(), tree.path("log").asBoolean(false),
                    tree.path("step").isNumber() ? tree.path("step").asLong() : 1);
            case "categorical" -> categorical(choicesOf(tree.path("choices")));
            default -> throw new IllegalArgumentException("not an Optuna distribution: " + tree
                    + "; expected {\"name\": \"FloatDistribution\", \"attributes\": {...}} or {\"type\": \"float\", ...}");
        };
    }

    /** Optuna's external value of an internal one: a {@code Double}, a {@code Long}, or the choice. */
    Object toExternal(double internal) {
        return switch (kind) {
            case FLOAT -> internal;
            case INT -> (long) internal;
            case CATEGORICAL -> choices.get((int) internal);
        };
    }

    private static double stepOf(JsonNode step) {
        return step.isNumber() ? step.asDouble() : Double.NaN;
    }

    private static List<Object> choicesOf(JsonNode array) {
        List<Object> choices = new ArrayList<>();
        array.forEach(choice -> choices.add(scalarOf(choice)));
        return choices;
    }

    /** A JSON scalar as a Java value: {@code String}, {@code Boolean}, {@code Long}, {@code Double} or {@code null}. */
    static Object scalarOf(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    static JsonNode scalar(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return NODES.numberNode(number.doubleValue());
        }
        return NODES.textNode(value.toString());
    }

    @Override
    public String toString() {
        return toTree().toString();
    }
}
