package dev.tuner.benchmarks.mo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

/** The values {@code benchmarks/tools/mo_fixture.py} computed with {@code mo_functions.py}. */
final class MoFixture {

    static final JsonNode PROBLEMS = read().path("problems");

    private MoFixture() {}

    static JsonNode problem(String name) {
        return PROBLEMS.path(name);
    }

    static double[] doubles(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToDouble(JsonNode::doubleValue).toArray();
    }

    static Map<String, Object> params(JsonNode params) {
        Map<String, Object> values = new LinkedHashMap<>();
        params.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            values.put(entry.getKey(), value.isTextual() ? value.textValue()
                    : value.isIntegralNumber() ? (Object) value.intValue() : (Object) value.doubleValue());
        });
        return values;
    }

    /** |actual - expected| within 1e-12 of |expected| (or of 1e-12 itself for values at zero). */
    static boolean close(double actual, double expected) {
        return Math.abs(actual - expected) <= 1e-12 * Math.max(Math.abs(expected), 1e-3);
    }

    private static JsonNode read() {
        try (InputStream in = MoFixture.class.getResourceAsStream("mo_fixture.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
