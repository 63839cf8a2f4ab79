package dev.tuner.core.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuner.Direction;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.DistributionJson;
import dev.tuner.core.study.TrialFailure;
import dev.tuner.core.study.TrialState;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The journal's records, one JSON object a line, one per change of state:
 *
 * <pre>{@code
 * {"op":"journal","version":2}
 * {"op":"study","study":"quad1","direction":"MINIMIZE"}
 * {"op":"trial","study":"quad1","number":0,"started":"2026-11-22T10:00:00.123Z","worker":{"host":"h","pid":4711,"start":1795000000000}}
 * {"op":"param","study":"quad1","number":0,"knob":"x","distribution":{"type":"uniform","min":-10.0,"max":10.0},"internal":3.25}
 * {"op":"intermediate","study":"quad1","number":0,"step":3,"value":0.91}
 * {"op":"finish","study":"quad1","number":0,"state":"COMPLETE","value":8.31,"finished":"2026-11-22T10:00:01.456Z"}
 * {"op":"finish","study":"quad1","number":1,"state":"FAIL","failure":{"type":"java.lang.IllegalStateException","message":"boom","where":"A.b(A.java:3)"},"finished":"..."}
 * }</pre>
 *
 * Version 2 added the {@code intermediate} record (a value a trial reported at a step); a version 1
 * journal has none, and this code reads it as it is and appends to it. A trial record's number must be the study's next number: every writer appends it after reading
 * all records before it, under the file lock. {@link JournalReplay} reads them back.
 */
final class JournalRecords {

    /** The format this code writes and the newest it reads: 2 since intermediate values. */
    static final int VERSION = 2;

    // Schubfach for doubles: Double.toString was a third of writing a record; the digits still
    // round-trip exactly, and the reader parses any JSON number
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build()
            .writer();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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

    ObjectNode intermediate(String studyName, int number, int step, double value) {
        return record("intermediate").put("study", studyName).put("number", number).put("step", step).put("value", value);
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
            byte[] json = WRITER.writeValueAsBytes(record);
            byte[] line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            return line;
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("could not write journal record " + record, impossible);
        }
    }

    private static ObjectNode record(String op) {
        return NODES.objectNode().put("op", op);
    }
}
