package dev.tuner.core.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuner.Direction;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.DistributionJson;
import dev.tuner.core.study.TrialFailure;
import dev.tuner.core.study.TrialState;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The journal's records, one JSON object a line, one per change of state, and how each changes a
 * {@link StudyTable}:
 *
 * <pre>{@code
 * {"op":"journal","version":1}
 * {"op":"study","study":"quad1","direction":"MINIMIZE"}
 * {"op":"trial","study":"quad1","number":0,"started":"2026-11-22T10:00:00.123Z","worker":{"host":"h","pid":4711,"start":1795000000000}}
 * {"op":"param","study":"quad1","number":0,"knob":"x","distribution":{"type":"uniform","min":-10.0,"max":10.0},"internal":3.25}
 * {"op":"finish","study":"quad1","number":0,"state":"COMPLETE","value":8.31,"finished":"2026-11-22T10:00:01.456Z"}
 * {"op":"finish","study":"quad1","number":1,"state":"FAIL","failure":{"type":"java.lang.IllegalStateException","message":"boom","where":"A.b(A.java:3)"},"finished":"..."}
 * }</pre>
 *
 * A trial record's number must be the study's next number: every writer appends it after reading
 * all records before it, under the file lock. Distributions are parsed once per distinct JSON form.
 */
final class JournalRecords {

    /** The format this code writes and the newest it reads. */
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<JsonNode, Distribution> distributions = new HashMap<>();

    ObjectNode header() {
        return record("journal").put("version", VERSION);
    }

    ObjectNode study(String studyName, Direction direction) {
        return record("study").put("study", studyName).put("direction", direction.name());
    }

    ObjectNode trial(String studyName, int number, Instant started, WorkerId worker) {
        ObjectNode record = record("trial").put("study", studyName).put("number", number).put("started", started.toString());
        record.putObject("worker").put("host", worker.host()).put("pid", worker.pid()).put("start", worker.startMillis());
        return record;
    }

    ObjectNode param(String studyName, int number, String knob, Distribution distribution, double internal) {
        ObjectNode record = record("param").put("study", studyName).put("number", number).put("knob", knob);
        record.set("distribution", DistributionJson.toTree(distribution));
        return record.put("internal", internal);
    }

    ObjectNode finish(String studyName, int number, TrialState state, OptionalDouble value, TrialFailure failure,
            Instant finished) {
        ObjectNode record = record("finish").put("study", studyName).put("number", number).put("state", state.name());
        value.ifPresent(v -> record.put("value", v));
        if (failure != null) {
            record.putObject("failure").put("type", failure.type()).put("message", failure.message())
                    .put("where", failure.where());
        }
        return record.put("finished", finished.toString());
    }

    /** The record as one line of UTF-8, with its newline. */
    static byte[] line(ObjectNode record) {
        try {
            byte[] json = MAPPER.writeValueAsBytes(record);
            byte[] line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            return line;
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("could not write journal record " + record, impossible);
        }
    }

    /** The record a line holds. */
    static JsonNode parse(byte[] bytes, int offset, int length) throws IOException {
        return MAPPER.readTree(bytes, offset, length);
    }

    /**
     * Applies a record to the table.
     *
     * @throws IllegalArgumentException or {@link IllegalStateException} if the record is malformed
     *     or does not fit the table (it was not written by this code)
     */
    void apply(JsonNode record, StudyTable table) {
        String op = text(record, "op");
        switch (op) {
            case "journal":
                int version = record.path("version").asInt(-1);
                if (version < 1 || version > VERSION) {
                    throw new IllegalStateException("journal format version " + version + " is not one this Tuner reads (1.."
                            + VERSION + "); open it with the Tuner version that wrote it, or a newer one");
                }
                return;
            case "study":
                table.createStudy(text(record, "study"), Direction.valueOf(text(record, "direction")));
                return;
            case "trial":
                applyTrial(record, table);
                return;
            case "param":
                table.setParam(text(record, "study"), number(record), text(record, "knob"),
                        distribution(required(record, "distribution")), required(record, "internal").asDouble());
                return;
            case "finish":
                applyFinish(record, table);
                return;
            default:
                throw new IllegalArgumentException("unknown record '" + op + "'");
        }
    }

    private static void applyTrial(JsonNode record, StudyTable table) {
        String studyName = text(record, "study");
        int number = number(record);
        int expected = table.nextNumber(studyName);
        if (number != expected) {
            throw new IllegalStateException("trial #" + number + " of study '" + studyName + "' should be #" + expected);
        }
        JsonNode worker = record.path("worker");
        WorkerId workerId = worker.isObject()
                ? new WorkerId(worker.path("host").asText(), worker.path("pid").asLong(), worker.path("start").asLong())
                : null;
        table.createTrial(studyName, Instant.parse(text(record, "started")), workerId);
    }

    private static void applyFinish(JsonNode record, StudyTable table) {
        JsonNode value = record.get("value");
        JsonNode failure = record.get("failure");
        table.finishTrial(text(record, "study"), number(record), TrialState.valueOf(text(record, "state")),
                value == null || value.isNull() ? OptionalDouble.empty() : OptionalDouble.of(value.asDouble()),
                failure == null || failure.isNull() ? null
                        : new TrialFailure(text(failure, "type"), failure.path("message").asText(""),
                                failure.path("where").asText("")),
                Instant.parse(text(record, "finished")));
    }

    private Distribution distribution(JsonNode tree) {
        Distribution distribution = distributions.get(tree);
        if (distribution == null) {
            distribution = DistributionJson.fromTree(tree);
            distributions.put(tree, distribution);
        }
        return distribution;
    }

    private static ObjectNode record(String op) {
        return NODES.objectNode().put("op", op);
    }

    private static JsonNode required(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = required(record, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    private static int number(JsonNode record) {
        JsonNode value = required(record, "number");
        if (!value.canConvertToInt()) {
            throw new IllegalArgumentException("field 'number' must be an int");
        }
        return value.intValue();
    }
}
