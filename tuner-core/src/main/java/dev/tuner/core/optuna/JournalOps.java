package dev.tuner.core.optuna;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuner.Direction;
import dev.tuner.core.trial.TrialState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The vocabulary of Optuna's journal ({@code optuna/storages/journal/_storage.py}): one JSON object
 * a line, whose {@code op_code} says what it does, with the numbers Optuna gives directions and
 * states, and its timestamps. Real numbers that are not finite are written as Python's
 * {@code json} module writes and reads them ({@code NaN}, {@code Infinity}, {@code -Infinity}).
 */
final class JournalOps {

    static final int CREATE_STUDY = 0;
    static final int DELETE_STUDY = 1;
    static final int SET_STUDY_USER_ATTR = 2;
    static final int SET_STUDY_SYSTEM_ATTR = 3;
    static final int CREATE_TRIAL = 4;
    static final int SET_TRIAL_PARAM = 5;
    static final int SET_TRIAL_STATE_VALUES = 6;
    static final int SET_TRIAL_INTERMEDIATE_VALUE = 7;
    static final int SET_TRIAL_USER_ATTR = 8;
    static final int SET_TRIAL_SYSTEM_ATTR = 9;
    static final int DISCARD_TRIALS = 10;

    /** The study system attribute that keeps each knob's Tuner distributions beside the Optuna ones they were written as. */
    static final String DISTRIBUTIONS_ATTR = "tuner:distributions";
    /** Optuna's study system attribute of the objectives' names, as {@code study.set_metric_names} stores them. */
    static final String METRIC_NAMES_ATTR = "study:metric_names";
    /** The trial system attribute that keeps the names of the constraints whose values Optuna's {@code constraints} holds. */
    static final String CONSTRAINT_NAMES_ATTR = "tuner:constraints";
    /** The trial system attribute that keeps a Tuner failure's type, message and place. */
    static final String FAILURE_ATTR = "tuner:failure";
    /** Optuna's trial system attribute of constraint values, as its samplers' {@code constraints_func} stores them. */
    static final String CONSTRAINTS_ATTR = "constraints";
    /** Optuna's trial system attribute of why a trial failed. */
    static final String FAIL_REASON_ATTR = "fail_reason";
    /** Optuna's trial system attribute of an enqueued trial's values. */
    static final String FIXED_PARAMS_ATTR = "fixed_params";
    /** The trial user attribute that names the trial as Tuner shows it. */
    static final String TRIAL_NAME_ATTR = "tuner.trial";
    /** The trial user attribute that names the process that ran the trial, {@code host/pid}. */
    static final String WORKER_ATTR = "tuner.worker";

    /** Reads and writes the journal's lines, with Python's spelling of non-finite numbers. */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build());

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private JournalOps() {}

    /** Optuna's {@code StudyDirection}: 1 minimize, 2 maximize. */
    static int direction(Direction direction) {
        return direction == Direction.MINIMIZE ? 1 : 2;
    }

    static Direction direction(int code, String where) {
        return switch (code) {
            case 1 -> Direction.MINIMIZE;
            case 2 -> Direction.MAXIMIZE;
            default -> throw new IllegalArgumentException(where + ": direction " + code + " is not 1 (MINIMIZE) or 2"
                    + " (MAXIMIZE); set the Optuna study's directions before importing it");
        };
    }

    /** Optuna's {@code TrialState}: RUNNING 0, COMPLETE 1, PRUNED 2, FAIL 3, WAITING 4. */
    static int state(TrialState state) {
        return switch (state) {
            case RUNNING -> 0;
            case COMPLETE -> 1;
            case PRUNED -> 2;
            case FAIL -> 3;
            case WAITING -> 4;
        };
    }

    static TrialState state(int code, String where) {
        return switch (code) {
            case 0 -> TrialState.RUNNING;
            case 1 -> TrialState.COMPLETE;
            case 2 -> TrialState.PRUNED;
            case 3 -> TrialState.FAIL;
            case 4 -> TrialState.WAITING;
            default -> throw new IllegalArgumentException(where + ": trial state " + code
                    + " is none of Optuna's (0 RUNNING to 4 WAITING); is this an Optuna journal?");
        };
    }

    /** A time as Optuna writes it: ISO 8601 in UTC to the microsecond, {@code 2025-01-31T12:00:00.000000+00:00}. */
    static String time(Instant instant) {
        return TIME.format(OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    /** A time Optuna wrote, with or without an offset (without one, it is UTC). */
    static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException noOffset) {
            return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }
}
