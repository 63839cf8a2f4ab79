package dev.tuner.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON trees read with Jackson's streaming parser and written with its string escaping, text
 * identical to an {@code ObjectMapper}'s. A mapper would do both, but building one loads several
 * hundred classes (a third of a second in a fresh JVM, longer with the knob agent looking at
 * each), which a journal paid when it opened and again at its first trial; a study on a fresh
 * journal writes trees and never reads one, so the parser's classes wait for the first read.
 * Numbers come back as an {@code ObjectMapper} reads them: {@code int}, {@code long} or big
 * integers by size, and {@code double}s. Kept for the gain the overhead benchmark measured:
 * {@code benchmarks/README.md}, section "Speed-ups kept in code".
 */
public final class JsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {}

    /** Jackson's factory for parsers, with the fast number parser; thread-safe. */
    public static JsonFactory factory() {
        return Factory.INSTANCE;
    }

    /**
     * The tree of a JSON text holding one value.
     *
     * @throws JsonProcessingException if the text is not one JSON value
     */
    public static JsonNode read(String json) throws JsonProcessingException {
        try (JsonParser parser = factory().createParser(json)) {
            if (parser.nextToken() == null) {
                throw new JsonParseException(parser, "no JSON value in an empty text");
            }
            JsonNode tree = node(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "text after the JSON value");
            }
            return tree;
        } catch (JsonProcessingException invalid) {
            throw invalid;
        } catch (IOException impossible) {
            throw new UncheckedIOException("could not read JSON from a string", impossible);
        }
    }

    /** The compact JSON text of a tree. */
    public static String write(JsonNode tree) {
        StringBuilder text = new StringBuilder();
        write(tree, text);
        return text.toString();
    }

    /** The value at the parser's current token, which it leaves on the value's last token. */
    private static JsonNode node(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    object.set(field, node(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(node(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(parser.getBooleanValue());
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
        }
    }

    private static void write(JsonNode node, StringBuilder text) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                text.append('{');
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    quoted(field.getKey(), text).append(':');
                    write(field.getValue(), text);
                    if (fields.hasNext()) {
                        text.append(',');
                    }
                }
                text.append('}');
            }
            case ARRAY -> {
                text.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        text.append(',');
                    }
                    write(node.get(i), text);
                }
                text.append(']');
            }
            case STRING -> quoted(node.textValue(), text);
            case NUMBER -> number(node, text);
            case BOOLEAN -> text.append(node.booleanValue());
            case NULL -> text.append("null");
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node as JSON: " + node);
        }
    }

    /** A number as Jackson's generator writes it by default: NaN and the infinities as strings. */
    private static void number(JsonNode node, StringBuilder text) {
        JsonParser.NumberType type = node.numberType();
        if (type != JsonParser.NumberType.DOUBLE && type != JsonParser.NumberType.FLOAT) {
            text.append(node.numberValue());
            return;
        }
        // a float keeps its own shortest digits, as the generator writes it
        String digits = type == JsonParser.NumberType.FLOAT ? Float.toString(node.floatValue())
                : Double.toString(node.doubleValue());
        if (Double.isFinite(node.doubleValue())) {
            text.append(digits);
        } else {
            text.append('"').append(digits).append('"');
        }
    }

    private static StringBuilder quoted(String value, StringBuilder text) {
        text.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, text);
        return text.append('"');
    }

    /** Built on first use: a study on a fresh journal never parses. */
    private static final class Factory {
        static final JsonFactory INSTANCE = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    }
}
