package dev.tuner.core.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuner.core.json.JsonTrees;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of the values a trial was enqueued with: an object of text by knob, in the order
 * given ({@code {"x":"0.25","act":"relu"}}), as {@link JdbcStorage} keeps it in a column and
 * {@link JournalStorage} in a record.
 */
final class EnqueuedJson {

    private EnqueuedJson() {}

    static ObjectNode toTree(Map<String, String> values) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        values.forEach(tree::put);
        return tree;
    }

    static String write(Map<String, String> values) {
        return JsonTrees.write(toTree(values));
    }

    /**
     * The values of a JSON object of text by knob.
     *
     * @throws IllegalArgumentException if the tree is not such an object
     */
    static Map<String, String> fromTree(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("enqueued values must be a JSON object of text by knob, not " + tree);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException("the enqueued value of knob '" + field.getKey()
                        + "' must be text, not " + field.getValue());
            }
            values.put(field.getKey(), field.getValue().textValue());
        }
        return values;
    }

    static Map<String, String> read(String json) {
        try {
            return fromTree(JsonTrees.read(json));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalArgumentException("enqueued values are not JSON (" + unreadable.getOriginalMessage() + "): "
                    + json, unreadable);
        }
    }
}
