package dev.tuner.core.storage;

import dev.tuner.Direction;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialState;
import dev.tuner.core.trial.Worker;
import dev.tuner.core.trial.TrialResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The journal's codec: how its records are written, one JSON object a line, one per change of
 * state, and how their times read back.
 *
 * <pre>{@code
 * {"op":"journal","version":3}
 * {"op":"study","study":"quad1","direction":"MINIMIZE"}
 * {"op":"trial","study":"quad1","number":0,"started":"2026-11-22T10:00:00.123456Z","worker":{"host":"h","pid":4711,"start":1795000000000}}
 * {"op":"param","study":"quad1","number":0,"knob":"x","distribution":{"type":"uniform","min":-10.0,"max":10.0},"internal":3.25}
 * {"op":"intermediate","study":"quad1","number":0,"step":3,"value":0.91}
 * {"op":"finish","study":"quad1","number":0,"state":"COMPLETE","value":8.31,"finished":"2026-11-22T10:00:01.456789Z"}
 * {"op":"finish","study":"quad1","number":1,"state":"FAIL","failure":{"type":"java.lang.IllegalStateException","message":"boom","where":"A.b(A.java:3)"},"finished":"..."}
 * {"op":"enqueue","study":"quad1","number":2,"started":"2026-11-22T10:00:02.000001Z","values":{"x":"0.25","act":"relu"}}
 * {"op":"claim","study":"quad1","number":2,"started":"2026-11-22T10:00:03.5Z","worker":{"host":"h","pid":4712,"start":1795000000900}}
 * {"op":"enqueue","study":"quad1","number":3,"started":"...","retryOf":1,"values":{"x":"0.75"}}
 * {"op":"journal","version":4}
 * {"op":"study","study":"trade-off","directions":["MAXIMIZE","MINIMIZE"]}
 * {"op":"finish","study":"trade-off","number":0,"state":"COMPLETE","objectives":[0.961,12.4],"constraints":{"size":-3.0},"finished":"..."}
 * {"op":"finish","study":"quad1","number":5,"state":"COMPLETE","value":0.5,"constraints":{"latency":2.5},"finished":"..."}
 * {"op":"study","study":"trade-off","directions":["MAXIMIZE","MINIMIZE"],"names":["accuracy","latency"]}
 * }</pre>
 *
 * A {@code study} record with {@code names} names the objectives of the study it repeats; a later one
 * renames them.
 *
 * A {@code trial} record with {@code "added":true} starts a trial added whole from elsewhere
 * ({@link Storage#addTrial}): its {@code worker} is the process that wrote it, and {@code ranBy}, when
 * present, the one that ran it ({@code "ranBy":"gpu-box/4711"}); its knob values, reported values and
 * finish follow it in the same append, with the times the trial came with. A Tuner that does not know
 * the two fields reads a plain trial of the writing process.
 *
 * <p>An {@code enqueue} record adds a {@code WAITING} trial with knob values as text, {@code started}
 * being when it was enqueued and {@code retryOf}, when present, the failed trial it retries; a {@code claim} record makes it {@code RUNNING} for a worker, started
 * then. A {@code trial} or {@code enqueue} record's number must be the study's next number, and a
 * {@code claim} must name a waiting trial: every writer appends them after reading all records
 * before them, under the file lock. {@link JournalReplay} reads them back, their times through
 * {@link #parseTime}.
 *
 * <p>Version 2 added the {@code intermediate} record (a value a trial reported at a step), version
 * 3 the {@code enqueue} and {@code claim} records, version 4 several objectives and constraints: a
 * {@code study} record's {@code directions} (one per objective) in place of its {@code direction},
 * and a {@code finish} record's {@code objectives} (its values, one per direction) in place of its
 * {@code value}, and its {@code constraints} (values by name). A new journal starts as version 3,
 * and a study of one objective whose trials record no constraints writes version 3's records
 * still, byte for byte. This code reads journals of every version and appends to them as they
 * are; before the first record an older version lacks, it appends a {@code journal} record of
 * that record's version, which a Tuner that knows only the older version refuses with a clear
 * message ("journal format version 4 is not one this Tuner reads (1..3); open it with the Tuner
 * that wrote it, or a newer one") rather than stumbling on a record it does not know, or reading
 * a multi-objective study's trials as if they had no value.
 *
 * <p><b>Hand-written speed-ups.</b> A trial writes three records or more, and a study's first
 * thousands of trials run in the JVM's interpreter, so this codec writes them with code of its
 * own where the library's cost a trial measurably more: {@link JsonLine} lays out each record in
 * one reused buffer instead of Jackson's generator, {@link InstantText} writes the times instead of
 * {@code java.time}'s formatter (and reads them back for a resume, instead of {@link Instant#parse}),
 * and {@link DistributionTexts} writes each distribution's JSON once instead of once a record.
 * They are used through this class alone ({@code ArchitectureTest} checks it), and each is kept
 * for the gain the benchmarks measured: {@code benchmarks/README.md}, section "Speed-ups kept in
 * code", the one note of what each buys. Change one only with the overhead benchmark's figures
 * before and after, and remove one that no longer pays for itself. Not thread-safe: its storage
 * writes under its lock.
 */
final class JournalCodec {

    /** The newest format this code reads and writes: 4 since several objectives and constraints. */
    static final int VERSION = 4;

    /** The first version with the {@code enqueue} and {@code claim} records, which a new journal declares. */
    static final int WAITING_VERSION = 3;

    /** The first version with several directions, several objective values and constraints. */
    static final int OBJECTIVES_VERSION = 4;

    private final JsonLine line = new JsonLine();
    private final InstantText instants = new InstantText();
    private final DistributionTexts distributions = new DistributionTexts();

    /** The header of a new journal: version 3, until a record of a later version needs {@link #header(int)}. */
    byte[] header() {
        return header(WAITING_VERSION);
    }

    /** A {@code journal} record saying that the records after it may be of {@code version}. */
    byte[] header(int version) {
        return line.start("journal").number(Keys.VERSION, version).end();
    }

    /** Whether a study's record needs {@link #OBJECTIVES_VERSION}: it has several directions. */
    static boolean needsObjectivesVersion(List<Direction> directions) {
        return directions.size() > 1;
    }

    /** Whether a finish record needs {@link #OBJECTIVES_VERSION}: several values, or constraints. */
    static boolean needsObjectivesVersion(TrialResult result) {
        return result.size() > 1 || !result.constraints().isEmpty();
    }

    /**
     * A waiting trial's values, and the failed trial it retries ({@code retryOf}, -1 for none, then
     * left out); {@code enqueued} must come from {@link #time}.
     */
    byte[] enqueue(String studyName, int number, Instant enqueued, Map<String, String> values, int retryOf) {
        JsonLine record = trialLine("enqueue", studyName, number).raw(Keys.STARTED, instants.quoted(enqueued));
        if (retryOf >= 0) {
            record.number(Keys.RETRY_OF, retryOf);
        }
        return record.raw(Keys.VALUES, EnqueuedJson.write(values)).end();
    }

    /** A worker's claim of a waiting trial; {@code started} must come from {@link #time}. */
    byte[] claim(String studyName, int number, Instant started, WorkerId worker) {
        return worker(trialLine("claim", studyName, number).raw(Keys.STARTED, instants.quoted(started)), worker)
                .end();
    }

    byte[] study(String studyName, Direction direction) {
        return study(studyName, List.of(direction));
    }

    /** A study of one direction as version 3 writes it, or of several with their {@code directions}. */
    byte[] study(String studyName, List<Direction> directions) {
        return studyLine(studyName, directions).end();
    }

    /**
     * A study's objective names: its {@code study} record again, with {@code names}. A Tuner that
     * does not know names reads it as the study's creation, which does nothing for a study that
     * exists with these directions, so the record needs no new journal version.
     */
    byte[] names(String studyName, List<Direction> directions, List<String> names) {
        return studyLine(studyName, directions).raw(Keys.NAMES, ResultJson.names(names)).end();
    }

    /** A study record's name and its {@code direction}, or its {@code directions} when several. */
    private JsonLine studyLine(String studyName, List<Direction> directions) {
        JsonLine record = line.start("study").string(Keys.STUDY, studyName, true);
        return directions.size() == 1 ? record.string(Keys.DIRECTION, directions.get(0).name(), true)
                : record.raw(Keys.DIRECTIONS, ResultJson.directions(directions));
    }

    /** A trial's start; {@code started} must come from {@link #time}, so that a replay reads it back equal. */
    byte[] trial(String studyName, int number, Instant started, WorkerId worker) {
        return worker(trialLine("trial", studyName, number).raw(Keys.STARTED, instants.quoted(started)), worker)
                .end();
    }

    /**
     * The start of a trial added whole ({@link Storage#addTrial}), written by {@code writer}, whose
     * death fails the trial if the append was cut before its finish; {@code added} marks it, and
     * {@code ranBy} names the process that ran it, when known. The record keeps {@code started} to
     * the microsecond, as the table that takes the trial does.
     */
    byte[] added(String studyName, int number, Instant started, WorkerId writer, Optional<Worker> ranBy) {
        JsonLine record = worker(trialLine("trial", studyName, number).raw(Keys.STARTED, instants.quoted(started)),
                writer).raw(Keys.ADDED, "true");
        ranBy.ifPresent(worker -> record.string(Keys.RAN_BY, worker.toString(), false));
        return record.end();
    }

    private static JsonLine worker(JsonLine record, WorkerId worker) {
        return record.object(Keys.WORKER)
                .string(Keys.HOST, worker.host(), true)
                .number(Keys.PID, worker.pid())
                .number(Keys.START, worker.startMillis())
                .endObject();
    }

    byte[] param(String studyName, int number, String knob, Distribution distribution, double internal) {
        return trialLine("param", studyName, number)
                .string(Keys.KNOB, knob, true)
                .raw(Keys.DISTRIBUTION, distributions.json(knob, distribution))
                .number(Keys.INTERNAL, internal)
                .end();
    }

    byte[] intermediate(String studyName, int number, int step, double value) {
        return trialLine("intermediate", studyName, number).number(Keys.STEP, step).number(Keys.VALUE, value).end();
    }

    /** A trial's end; {@code finished} must come from {@link #time}, so that a replay reads it back equal. */
    byte[] finish(String studyName, int number, TrialState state, OptionalDouble value, TrialFailure failure,
            Instant finished) {
        return finish(studyName, number, state, TrialResult.of(value), failure, finished);
    }

    /**
     * A trial's end with its values and constraints: one value as {@code value}, several as
     * {@code objectives}, and the constraints, if any, as {@code constraints}.
     */
    byte[] finish(String studyName, int number, TrialState state, TrialResult result, TrialFailure failure,
            Instant finished) {
        JsonLine record = trialLine("finish", studyName, number).string(Keys.STATE, state.name(), true);
        if (result.size() == 1) {
            record.number(Keys.VALUE, result.value(0));
        } else if (result.size() > 1) {
            record.raw(Keys.OBJECTIVES, ResultJson.values(result));
        }
        if (!result.constraints().isEmpty()) {
            record.raw(Keys.CONSTRAINTS, ResultJson.constraints(result.constraints()));
        }
        if (failure != null) {
            record.object(Keys.FAILURE)
                    .string(Keys.TYPE, failure.type(), false)
                    .string(Keys.MESSAGE, failure.message(), false)
                    .string(Keys.WHERE, failure.where(), false)
                    .endObject();
        }
        return record.raw(Keys.FINISHED, instants.quoted(finished)).end();
    }

    /** Now, to the precision a record keeps (microseconds). */
    static Instant time() {
        return InstantText.truncate(Instant.now());
    }

    /**
     * A record's time, as this codec and {@link Instant#toString()} write it.
     *
     * @throws IllegalArgumentException if the text is not a time
     */
    static Instant parseTime(String text) {
        return InstantText.parse(text);
    }

    private JsonLine trialLine(String op, String studyName, int number) {
        return line.start(op).string(Keys.STUDY, studyName, true).number(Keys.NUMBER, number);
    }

    /** The records' field names, encoded once. */
    private static final class Keys {
        static final JsonLine.Key VERSION = JsonLine.key("version");
        static final JsonLine.Key STUDY = JsonLine.key("study");
        static final JsonLine.Key DIRECTION = JsonLine.key("direction");
        static final JsonLine.Key DIRECTIONS = JsonLine.key("directions");
        static final JsonLine.Key NAMES = JsonLine.key("names");
        static final JsonLine.Key OBJECTIVES = JsonLine.key("objectives");
        static final JsonLine.Key CONSTRAINTS = JsonLine.key("constraints");
        static final JsonLine.Key NUMBER = JsonLine.key("number");
        static final JsonLine.Key STARTED = JsonLine.key("started");
        static final JsonLine.Key RETRY_OF = JsonLine.key("retryOf");
        static final JsonLine.Key VALUES = JsonLine.key("values");
        static final JsonLine.Key WORKER = JsonLine.key("worker");
        static final JsonLine.Key ADDED = JsonLine.key("added");
        static final JsonLine.Key RAN_BY = JsonLine.key("ranBy");
        static final JsonLine.Key HOST = JsonLine.key("host");
        static final JsonLine.Key PID = JsonLine.key("pid");
        static final JsonLine.Key START = JsonLine.key("start");
        static final JsonLine.Key KNOB = JsonLine.key("knob");
        static final JsonLine.Key DISTRIBUTION = JsonLine.key("distribution");
        static final JsonLine.Key INTERNAL = JsonLine.key("internal");
        static final JsonLine.Key STEP = JsonLine.key("step");
        static final JsonLine.Key VALUE = JsonLine.key("value");
        static final JsonLine.Key STATE = JsonLine.key("state");
        static final JsonLine.Key FAILURE = JsonLine.key("failure");
        static final JsonLine.Key TYPE = JsonLine.key("type");
        static final JsonLine.Key MESSAGE = JsonLine.key("message");
        static final JsonLine.Key WHERE = JsonLine.key("where");
        static final JsonLine.Key FINISHED = JsonLine.key("finished");
    }
}
