package dev.tuner.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.CustomDistribution;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of distributions, which storages keep and reports read: an object whose
 * {@code "type"} names the kind and whose other fields are its parameters.
 *
 * <pre>{@code
 * {"type":"uniform","min":-10.0,"max":10.0,"q":0.5}
 * {"type":"loguniform","min":1.0E-5,"max":0.1}
 * {"type":"normal","mean":0.5,"sd":0.2,"min":0.0,"max":1.0}         // bounds left out when infinite
 * {"type":"lognormal","mean":0.0,"sd":1.0,"min":0.0}
 * {"type":"intuniform","min":1,"max":8,"step":1,"log":false}
 * {"type":"bool"}
 * {"type":"choice","options":["relu",16,0.5,true,{"long":3},{"enum":"com.acme.Color","name":"RED"},{"class":"com.acme.Svm"}]}
 * {"type":"prioritychoice","options":["adam","sgd"]}
 * {"type":"fixed","value":"rbf"}
 * {"type":"custom","class":"com.acme.PowersOfTwo","value":{"maxExponent":10}}
 * }</pre>
 *
 * <p>Options keep their Java type: strings, booleans, {@code int}s and finite {@code double}s are
 * plain JSON values; other numbers, enum constants (with their class's name) and classes are
 * small objects. A {@link CustomDistribution} is written as its class name and its Jackson form,
 * and read back through its constructor (a record's canonical one), so keep it a simple value.
 * Classes are loaded through the thread's context class loader.
 */
public final class DistributionJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DistributionJson() {}

    /** The JSON text of a distribution. */
    public static String write(Distribution distribution) {
        return JsonTrees.write(toTree(distribution));
    }

    /**
     * The distribution a JSON text describes.
     *
     * @throws IllegalArgumentException if the text is not JSON, or not a valid distribution
     */
    public static Distribution read(String json) {
        JsonNode tree;
        try {
            tree = JsonTrees.read(json);
        } catch (JsonProcessingException notJson) {
            throw new IllegalArgumentException("not a JSON distribution: " + json + " (" + notJson.getOriginalMessage() + ")",
                    notJson);
        }
        return fromTree(tree);
    }

    /** The JSON tree of a distribution, to embed in a larger document. */
    public static ObjectNode toTree(Distribution distribution) {
        ObjectNode node = NODES.objectNode();
        if (distribution instanceof Uniform uniform) {
            node.put("type", "uniform").put("min", uniform.min()).put("max", uniform.max());
            putIfSet(node, "q", uniform.q());
        } else if (distribution instanceof LogUniform logUniform) {
            node.put("type", "loguniform").put("min", logUniform.min()).put("max", logUniform.max());
            putIfSet(node, "q", logUniform.q());
        } else if (distribution instanceof Normal normal) {
            node.put("type", "normal").put("mean", normal.mean()).put("sd", normal.sd());
            putIfSet(node, "min", normal.min());
            putIfSet(node, "max", normal.max());
            putIfSet(node, "q", normal.q());
        } else if (distribution instanceof LogNormal logNormal) {
            node.put("type", "lognormal").put("mean", logNormal.mean()).put("sd", logNormal.sd())
                    .put("min", logNormal.min());
            putIfSet(node, "max", logNormal.max());
            putIfSet(node, "q", logNormal.q());
        } else if (distribution instanceof IntUniform intUniform) {
            node.put("type", "intuniform").put("min", intUniform.min()).put("max", intUniform.max())
                    .put("step", intUniform.step()).put("log", intUniform.log());
        } else if (distribution instanceof Bool) {
            node.put("type", "bool");
        } else if (distribution instanceof Choice choice) {
            node.put("type", "choice").set("options", options(choice.options()));
        } else if (distribution instanceof PriorityChoice priorityChoice) {
            node.put("type", "prioritychoice").set("options", options(priorityChoice.options()));
        } else if (distribution instanceof Fixed fixed) {
            node.put("type", "fixed").set("value", OptionJson.write(fixed.value()));
        } else {
            node.put("type", "custom").put("class", distribution.getClass().getName())
                    .set("value", CustomMapper.INSTANCE.valueToTree(distribution));
        }
        return node;
    }

    /**
     * The distribution a JSON tree describes.
     *
     * @throws IllegalArgumentException if the tree is not a valid distribution
     */
    public static Distribution fromTree(JsonNode node) {
        try {
            String type = text(node, "type");
            switch (type) {
                case "uniform":
                    return new Uniform(number(node, "min"), number(node, "max"), optional(node, "q", Double.NaN));
                case "loguniform":
                    return new LogUniform(number(node, "min"), number(node, "max"), optional(node, "q", Double.NaN));
                case "normal":
                    return new Normal(number(node, "mean"), number(node, "sd"),
                            optional(node, "min", Double.NEGATIVE_INFINITY), optional(node, "max", Double.POSITIVE_INFINITY),
                            optional(node, "q", Double.NaN));
                case "lognormal":
                    return new LogNormal(number(node, "mean"), number(node, "sd"), optional(node, "min", 0),
                            optional(node, "max", Double.POSITIVE_INFINITY), optional(node, "q", Double.NaN));
                case "intuniform":
                    return new IntUniform(required(node, "min").longValue(), required(node, "max").longValue(),
                            node.path("step").asLong(1), node.path("log").asBoolean(false));
                case "bool":
                    return Bool.of();
                case "choice":
                    return new Choice(options(required(node, "options")));
                case "prioritychoice":
                    return new PriorityChoice(options(required(node, "options")));
                case "fixed":
                    return Fixed.of(OptionJson.read(required(node, "value")));
                case "custom":
                    return custom(text(node, "class"), required(node, "value"));
                default:
                    throw new IllegalArgumentException("unknown type '" + type + "'; use one of uniform, loguniform, "
                            + "normal, lognormal, intuniform, bool, choice, prioritychoice, fixed, custom");
            }
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("invalid JSON distribution " + node + ": " + invalid.getMessage(), invalid);
        }
    }

    private static void putIfSet(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        }
    }

    private static ArrayNode options(List<Object> options) {
        ArrayNode array = NODES.arrayNode();
        options.forEach(option -> array.add(OptionJson.write(option)));
        return array;
    }

    private static List<Object> options(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("'options' must be an array");
        }
        List<Object> options = new ArrayList<>();
        array.forEach(option -> options.add(OptionJson.read(option)));
        return options;
    }

    private static Distribution custom(String className, JsonNode value) {
        Class<?> type = OptionJson.load(className);
        if (!CustomDistribution.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " is not a " + CustomDistribution.class.getName());
        }
        try {
            return (Distribution) CustomMapper.INSTANCE.treeToValue(value, type);
        } catch (JsonProcessingException | RuntimeException unreadable) {
            throw new IllegalArgumentException("could not create " + className + " from " + value + " ("
                    + unreadable.getMessage() + "); make it a record of simple values, or give Jackson a creator",
                    unreadable);
        }
    }

    static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("field '" + field + "' must be a number");
        }
        return value.doubleValue();
    }

    private static double optional(JsonNode node, String field, double absent) {
        return node.hasNonNull(field) ? number(node, field) : absent;
    }

    /** Jackson's data binding, for custom distributions alone: built on first use, since it is slow to build. */
    private static final class CustomMapper {
        static final ObjectMapper INSTANCE = JsonMapper.builder().build();
    }
}
