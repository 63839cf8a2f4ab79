package dev.tuner.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON form of one option of a choice, keeping its Java type. */
final class OptionJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OptionJson() {}

    static JsonNode write(Object option) {
        if (option instanceof String string) {
            return NODES.textNode(string);
        }
        if (option instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (option instanceof Integer integer) {
            return NODES.numberNode(integer);
        }
        if (option instanceof Double real && Double.isFinite(real)) {
            return NODES.numberNode(real);
        }
        ObjectNode node = NODES.objectNode();
        if (option instanceof Enum<?> constant) {
            return node.put("enum", constant.getDeclaringClass().getName()).put("name", constant.name());
        }
        if (option instanceof Class<?> type) {
            return node.put("class", type.getName());
        }
        if (option instanceof Long || option instanceof Short || option instanceof Byte) {
            return node.put(option.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), ((Number) option).longValue());
        }
        if (option instanceof Float || option instanceof Double) {
            // as text: keeps a float's own digits, and NaN and infinities, which JSON numbers cannot hold
            return node.put(option.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), option.toString());
        }
        throw new IllegalArgumentException("cannot write option " + option + " of type " + option.getClass().getName());
    }

    static Object read(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.has("enum")) {
            return constant(DistributionJson.text(node, "enum"), DistributionJson.text(node, "name"));
        }
        if (node.has("class")) {
            return load(DistributionJson.text(node, "class"));
        }
        if (node.has("long")) {
            return DistributionJson.required(node, "long").longValue();
        }
        if (node.has("short")) {
            return DistributionJson.required(node, "short").shortValue();
        }
        if (node.has("byte")) {
            return (byte) DistributionJson.required(node, "byte").intValue();
        }
        if (node.has("float")) {
            return Float.valueOf(DistributionJson.text(node, "float"));
        }
        if (node.has("double")) {
            return Double.valueOf(DistributionJson.text(node, "double"));
        }
        throw new IllegalArgumentException("cannot read option " + node
                + "; an option is a string, boolean, number, or an object with enum, class, long, short, byte, float "
                + "or double");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object constant(String className, String name) {
        Class<?> type = load(className);
        if (!type.isEnum()) {
            throw new IllegalArgumentException(className + " is not an enum");
        }
        return Enum.valueOf((Class) type, name);
    }

    static Class<?> load(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(className, false, loader != null ? loader : OptionJson.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            try {
                return Class.forName(className, false, OptionJson.class.getClassLoader());
            } catch (ClassNotFoundException stillMissing) {
                throw new IllegalArgumentException("class " + className + " is not on the class path; "
                        + "read the JSON where the classes it names are available", stillMissing);
            }
        }
    }
}
