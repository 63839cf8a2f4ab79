package dev.tuner.core.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.tuner.core.json.JsonTrees;
import java.io.IOException;

/**
 * What the index lists of a study, kept as JSON inside the study's page so that the index can be
 * rebuilt from the pages alone.
 *
 * <p>The JSON is laid out here, with Jackson's string escaping, and read with Jackson's streaming
 * parser, rather than bound to this record by an {@code ObjectMapper}: building a mapper and
 * inspecting the record cost a quarter of a second in the JVM that writes a study's report at its
 * end, where that code has never run, and a study's end writes its summary but reads only the
 * other studies'.
 *
 * @param study the study's name
 * @param page the page's file name, relative to the index
 * @param direction {@code minimize} or {@code maximize}
 * @param trials how many trials the study has
 * @param complete how many completed
 * @param pruned how many were pruned
 * @param failed how many failed
 * @param best the best value, or null without a complete trial
 * @param bestTrial the best trial's number, or null
 * @param written when the page was written, ISO-8601
 * @param storage the storage the study was read from, as {@link dev.tuner.core.storage.StorageName#text()}
 *     gives it; null when unknown (a page of an older Tuner, or one written from code without it)
 * @param state {@link #RUNNING} while the study runs (the page is rewritten as it goes), {@link #FINISHED}
 *     once it ended, {@link #STOPPED} when its run stopped before the end (it failed, or was killed
 *     gently enough to say so); null for a page of an older Tuner, which was written at the end
 * @param refresh while the study runs, how often a browser showing the page reloads it, in
 *     milliseconds; 0 otherwise
 */
record StudySummary(
        String study,
        String page,
        String direction,
        long trials,
        long complete,
        long pruned,
        long failed,
        Double best,
        Integer bestTrial,
        String written,
        String storage,
        String state,
        long refresh) {

    /** The state of a page rewritten while its study runs. */
    static final String RUNNING = "running";
    /** The state of a page written at its study's end. */
    static final String FINISHED = "finished";
    /** The state of a page written when its study's run stopped before the end. */
    static final String STOPPED = "stopped";

    /** A summary that says nothing of its study's state, as older pages' did. */
    StudySummary(String study, String page, String direction, long trials, long complete, long pruned, long failed,
            Double best, Integer bestTrial, String written, String storage) {
        this(study, page, direction, trials, complete, pruned, failed, best, bestTrial, written, storage, null, 0);
    }

    /** This summary of a page in {@code state}, reloaded every {@code refresh} ms while running. */
    StudySummary withState(String state, long refresh) {
        return new StudySummary(study, page, direction, trials, complete, pruned, failed, best, bestTrial, written,
                storage, state, RUNNING.equals(state) ? refresh : 0);
    }

    /** This summary of the page as it is named now. */
    StudySummary onPage(String page) {
        return new StudySummary(study, page, direction, trials, complete, pruned, failed, best, bestTrial, written,
                storage, state, refresh);
    }

    /** Whether the page is rewritten as its study runs, and so reloads itself in a browser. */
    boolean running() {
        return RUNNING.equals(state) && refresh > 0;
    }

    /** How the page says where its study stands: {@code running — updated <written>}, {@code finished <written>}. */
    String status() {
        if (RUNNING.equals(state)) {
            return "running — updated " + written;
        }
        return (state == null ? FINISHED : state) + " " + written;
    }

    /** This summary as a JSON object, one field per component in order. */
    String toJson() {
        StringBuilder json = new StringBuilder(256).append('{');
        string(json, "study", study).append(',');
        string(json, "page", page).append(',');
        string(json, "direction", direction).append(',');
        json.append("\"trials\":").append(trials).append(",\"complete\":").append(complete)
                .append(",\"pruned\":").append(pruned).append(",\"failed\":").append(failed).append(",\"best\":");
        if (best == null) {
            json.append("null");
        } else if (Double.isFinite(best)) {
            json.append(best.doubleValue());
        } else {
            json.append('"').append(best.doubleValue()).append('"'); // as Jackson writes NaN and the infinities
        }
        json.append(",\"bestTrial\":").append(bestTrial == null ? "null" : bestTrial.toString()).append(',');
        string(json, "written", written).append(',');
        string(json, "storage", storage);
        if (state != null) {
            string(json.append(','), "state", state).append(",\"refresh\":").append(refresh);
        }
        return json.append('}').toString();
    }

    private static StringBuilder string(StringBuilder json, String field, String value) {
        json.append('"').append(field).append("\":");
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, json);
        return json.append('"');
    }

    /**
     * The summary a page's JSON object holds; fields it lacks are null or 0, fields it has beyond
     * these are skipped (a page of a later version).
     *
     * @throws IOException if the text is not JSON
     * @throws IllegalArgumentException if it is not an object or names no study
     */
    static StudySummary fromJson(String text) throws IOException {
        String study = null;
        String page = null;
        String direction = null;
        String written = null;
        String storage = null;
        String state = null;
        long refresh = 0;
        long[] counts = new long[4];
        Double best = null;
        Integer bestTrial = null;
        try (JsonParser json = JsonTrees.factory().createParser(text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the summary is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                boolean number = value != null && value.isNumeric();
                String string = value == JsonToken.VALUE_STRING ? json.getText() : null;
                switch (field) {
                    case "study" -> study = string;
                    case "page" -> page = string;
                    case "direction" -> direction = string;
                    case "written" -> written = string;
                    case "storage" -> storage = string;
                    case "state" -> state = string;
                    case "refresh" -> refresh = number ? json.getLongValue() : 0;
                    case "trials" -> counts[0] = number ? json.getLongValue() : 0;
                    case "complete" -> counts[1] = number ? json.getLongValue() : 0;
                    case "pruned" -> counts[2] = number ? json.getLongValue() : 0;
                    case "failed" -> counts[3] = number ? json.getLongValue() : 0;
                    case "best" -> best = number ? json.getDoubleValue() : null;
                    case "bestTrial" -> bestTrial = number ? json.getIntValue() : null;
                    default -> { }  // a field of a later version
                }
                json.skipChildren();
            }
        }
        if (study == null) {
            throw new IllegalArgumentException("the summary names no study (no text field \"study\")");
        }
        return new StudySummary(study, page, direction, counts[0], counts[1], counts[2], counts[3], best, bestTrial,
                written, storage, state, refresh);
    }
}
