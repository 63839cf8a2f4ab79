package dev.tuner.core.storage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tuner.Direction;
import dev.tuner.core.json.DistributionJson;
import dev.tuner.core.json.JsonTrees;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import dev.tuner.core.trial.Worker;
import java.io.IOException;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Applies the journal's lines, as {@link JournalCodec} writes them, to a {@link StudyTable}. A
 * resume reads every line of the file, so this reads whole blocks of lines with one streaming
 * parser rather than through trees, and parses each distinct distribution once (keyed by its JSON
 * text). Unknown fields are skipped, so a later format may add some.
 */
final class JournalReplay {

    private final Map<String, Distribution> distributions = new HashMap<>();
    private int version;

    /** The newest format version the journal's {@code journal} records named so far; 0 before the first. */
    int version() {
        return version;
    }

    /** Notes that a writer appended a {@code journal} record of {@code written}. */
    void wrote(int written) {
        version = Math.max(version, written);
    }

    /**
     * Applies a block of whole lines, each ending in a newline, with one parser for the block.
     *
     * @return how many lines the block held
     * @throws BadLine if a line is not a record that fits the table; the lines before it are applied
     */
    int applyLines(byte[] bytes, int offset, int length, StudyTable table) {
        int recordStart = offset;
        try (JsonParser parser = JsonTrees.factory().createParser(bytes, offset, length)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                recordStart = offset + (int) parser.currentTokenLocation().getByteOffset();
                if (token != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("a record is a JSON object");
                }
                Record record = new Record();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    read(field, parser, bytes, offset, record);
                }
                record.applyTo(table);
                if (record.version > version) {
                    version = record.version;
                }
            }
        } catch (IOException | RuntimeException bad) {
            throw new BadLine(bytes, offset, recordStart, bad);
        }
        return newlines(bytes, offset, offset + length);
    }

    private static int newlines(byte[] bytes, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /** A line of a block that is not a record fitting the table, where it lies, and why. */
    static final class BadLine extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** How many whole lines precede it in its block. */
        final int linesBefore;
        /** Where it starts in its block. */
        final int start;
        /** Its text, at most 200 characters. */
        final String text;

        BadLine(byte[] bytes, int blockStart, int recordStart, Exception cause) {
            super(cause.getMessage(), cause);
            int lineStart = recordStart;
            while (lineStart > blockStart && bytes[lineStart - 1] != '\n') {
                lineStart--;
            }
            int lineEnd = lineStart;
            while (lineEnd < bytes.length && bytes[lineEnd] != '\n' && lineEnd - lineStart < 200) {
                lineEnd++;
            }
            this.linesBefore = newlines(bytes, blockStart, lineStart);
            this.start = lineStart - blockStart;
            this.text = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
        }
    }

    private void read(String field, JsonParser parser, byte[] bytes, int offset, Record record) throws IOException {
        switch (field) {
            case "op" -> record.op = parser.getText();
            case "version" -> record.version = parser.getIntValue();
            case "study" -> record.study = parser.getText();
            case "direction" -> record.direction = parser.getText();
            case "number" -> record.number = parser.getIntValue();
            case "started" -> record.started = parser.getText();
            case "worker" -> record.worker = worker(parser);
            case "added" -> record.added = parser.getBooleanValue();
            case "ranBy" -> record.ranBy = parser.getText();
            case "knob" -> record.knob = parser.getText();
            case "distribution" -> record.distribution = distribution(parser, bytes, offset);
            case "internal" -> record.internal = number(parser);
            case "step" -> record.step = parser.getIntValue();
            case "state" -> record.state = parser.getText();
            case "value" -> record.value = parser.currentToken() == JsonToken.VALUE_NULL ? null : number(parser);
            case "failure" -> record.failure = failure(parser);
            case "finished" -> record.finished = parser.getText();
            case "values" -> record.values = values(parser);
            case "retryOf" -> record.retryOf = parser.getIntValue();
            case "directions" -> record.directions = directions(parser);
            case "names" -> record.names = names(parser);
            case "objectives" -> record.objectives = objectives(parser);
            case "constraints" -> record.constraints = constraints(parser);
            default -> parser.skipChildren();
        }
    }

    private Distribution distribution(JsonParser parser, byte[] bytes, int offset) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("field 'distribution' must be an object");
        }
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getByteOffset();
        String json = new String(bytes, offset + start, end - start, StandardCharsets.UTF_8);
        Distribution distribution = distributions.get(json);
        if (distribution == null) {
            distribution = DistributionJson.read(json);
            distributions.put(json, distribution);
        }
        return distribution;
    }

    private static WorkerId worker(JsonParser parser) throws IOException {
        String host = "";
        long pid = 0;
        long start = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "host" -> host = parser.getText();
                case "pid" -> pid = parser.getLongValue();
                case "start" -> start = parser.getLongValue();
                default -> parser.skipChildren();
            }
        }
        return new WorkerId(host, pid, start);
    }

    private static Map<String, String> values(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("field 'values' must be an object of text by knob");
        }
        Map<String, String> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String knob = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException("the enqueued value of knob '" + knob + "' must be text");
            }
            values.put(knob, parser.getText());
        }
        return values;
    }

    private static List<Direction> directions(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("field 'directions' must be an array of MINIMIZE and MAXIMIZE");
        }
        List<Direction> directions = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            directions.add(Direction.valueOf(parser.getText()));
        }
        return directions;
    }

    private static List<String> names(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("field 'names' must be an array of objective names");
        }
        List<String> names = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            names.add(parser.getText());
        }
        return names;
    }

    private static double[] objectives(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("field 'objectives' must be an array of numbers");
        }
        double[] values = new double[4];
        int size = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = number(parser);
        }
        return Arrays.copyOf(values, size);
    }

    private static Map<String, Double> constraints(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("field 'constraints' must be an object of numbers by name");
        }
        Map<String, Double> constraints = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            constraints.put(name, number(parser));
        }
        return constraints;
    }

    private static TrialFailure failure(JsonParser parser) throws IOException {
        String type = null;
        String message = "";
        String where = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "type" -> type = parser.getText();
                case "message" -> message = parser.getText();
                case "where" -> where = parser.getText();
                default -> parser.skipChildren();
            }
        }
        if (type == null) {
            throw new IllegalArgumentException("a failure needs a 'type'");
        }
        return new TrialFailure(type, message, where);
    }

    /** A number, or one of the strings Jackson writes for NaN and the infinities. */
    private static double number(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return Double.parseDouble(parser.getText());
        }
        return parser.getDoubleValue();
    }

    /** The fields of one record, as read. */
    private static final class Record {
        String op;
        int version = -1;
        String study;
        String direction;
        Integer number;
        String started;
        WorkerId worker;
        boolean added;
        String ranBy;
        String knob;
        Distribution distribution;
        Double internal;
        Integer step;
        String state;
        Double value;
        TrialFailure failure;
        String finished;
        Map<String, String> values;
        Integer retryOf;
        List<Direction> directions;
        List<String> names;
        double[] objectives;
        Map<String, Double> constraints;

        void applyTo(StudyTable table) {
            switch (required(op, "op")) {
                case "journal" -> {
                    if (version < 1 || version > JournalCodec.VERSION) {
                        throw new IllegalStateException("journal format version " + version + " is not one this Tuner reads"
                                + " (1.." + JournalCodec.VERSION + "); open it with the Tuner that wrote it, or a newer one");
                    }
                }
                case "study" -> {
                    table.createStudy(required(study, "study"), directions != null ? directions
                            : List.of(Direction.valueOf(required(direction, "direction"))));
                    if (names != null && table.renames(study, names)) {
                        table.nameObjectives(study, names);
                    }
                }
                case "trial" -> {
                    checkNext(table);
                    Instant start = JournalCodec.parseTime(required(started, "started"));
                    if (added) {
                        table.createTrial(study, start, worker, ranBy == null ? Optional.empty() : Worker.parse(ranBy));
                    } else {
                        table.createTrial(study, start, worker);
                    }
                }
                case "enqueue" -> {
                    checkNext(table);
                    if (retryOf != null && !table.mayRetry(study, retryOf)) {
                        throw new IllegalStateException("trial #" + retryOf + " of study '" + study
                                + "' is a retry or has one already");
                    }
                    table.enqueueTrial(study, required(values, "values"), JournalCodec.parseTime(required(started, "started")),
                            retryOf == null ? -1 : retryOf);
                }
                case "claim" -> table.claim(required(study, "study"), required(number, "number"),
                        JournalCodec.parseTime(required(started, "started")), required(worker, "worker"));
                case "param" -> table.setParam(required(study, "study"), required(number, "number"), required(knob, "knob"),
                        required(distribution, "distribution"), required(internal, "internal"));
                case "intermediate" -> table.setIntermediateValue(required(study, "study"), required(number, "number"),
                        required(step, "step"), required(value, "value"));
                case "finish" -> table.finishTrial(required(study, "study"), required(number, "number"),
                        TrialState.valueOf(required(state, "state")),
                        result(), failure,
                        JournalCodec.parseTime(required(finished, "finished")));
                default -> throw new IllegalArgumentException("unknown record '" + op + "'");
            }
        }

        /** A finish record's values and constraints: {@code objectives}, or else {@code value}. */
        private TrialResult result() {
            double[] values = objectives != null ? objectives : value == null ? new double[0] : new double[] {value};
            return TrialResult.of(values, constraints == null ? Map.of() : constraints);
        }

        /** Checks that a record adding a trial has the study's next number. */
        private void checkNext(StudyTable table) {
            int expected = table.nextNumber(required(study, "study"));
            if (required(number, "number") != expected) {
                throw new IllegalStateException("trial #" + number + " of study '" + study + "' should be #" + expected);
            }
        }

        private static <T> T required(T value, String field) {
            if (value == null) {
                throw new IllegalArgumentException("field '" + field + "' is missing");
            }
            return value;
        }
    }
}
