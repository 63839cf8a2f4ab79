package dev.tuner.core.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuner.Direction;
import dev.tuner.core.json.JsonTrees;
import dev.tuner.core.trial.TrialResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON forms of what a study with several objectives or with constraints keeps beyond one
 * direction and one value: its directions ({@code ["MAXIMIZE","MINIMIZE"]}), its objectives' names
 * ({@code ["accuracy","latency"]}), a trial's objective
 * values ({@code [0.961,12.4]}) and its constraint values by name ({@code {"latency":-7.6}}), as
 * {@link JournalStorage}'s records and {@link JdbcStorage}'s {@code constraints} column hold them.
 * Written rarely (only such studies write them), so through trees rather than by hand. NaN and the
 * infinities are written as strings, as Jackson writes them, and read back.
 */
final class ResultJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResultJson() {}

    static String directions(List<Direction> directions) {
        ArrayNode array = NODES.arrayNode();
        directions.forEach(direction -> array.add(direction.name()));
        return JsonTrees.write(array);
    }

    /** A study's objective names, as a JSON array of strings. */
    static String names(List<String> names) {
        ArrayNode array = NODES.arrayNode();
        names.forEach(array::add);
        return JsonTrees.write(array);
    }

    /**
     * The names {@link #names} wrote.
     *
     * @throws IllegalArgumentException if the text is not an array of strings
     */
    static List<String> readNames(String json) {
        JsonNode node;
        try {
            node = JsonTrees.read(json);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalArgumentException("objective names are not JSON (" + unreadable.getOriginalMessage()
                    + "): " + json, unreadable);
        }
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("objective names " + json + " are not a JSON array of strings");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : node) {
            if (!name.isTextual()) {
                throw new IllegalArgumentException("objective names " + json + " are not a JSON array of strings");
            }
            names.add(name.asText());
        }
        return names;
    }

    static String values(TrialResult result) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < result.size(); i++) {
            array.add(result.value(i));
        }
        return JsonTrees.write(array);
    }

    static String constraints(Map<String, Double> constraints) {
        ObjectNode object = NODES.objectNode();
        constraints.forEach(object::put);
        return JsonTrees.write(object);
    }

    /**
     * The constraint values of {@link #constraints}' text.
     *
     * @throws IllegalArgumentException if it is not a JSON object of numbers by name
     */
    static Map<String, Double> readConstraints(String json) {
        JsonNode tree;
        try {
            tree = JsonTrees.read(json);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalArgumentException("constraint values are not JSON (" + unreadable.getOriginalMessage()
                    + "): " + json, unreadable);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("constraint values must be a JSON object of numbers by name, not " + tree);
        }
        Map<String, Double> constraints = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            constraints.put(field.getKey(), number(field.getKey(), field.getValue()));
        }
        return constraints;
    }

    private static double number(String name, JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return Double.parseDouble(node.textValue());
        }
        throw new IllegalArgumentException("constraint '" + name + "' must be a number, not " + node);
    }
}
