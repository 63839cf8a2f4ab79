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
        String storage) {

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
        return string(json, "storage", storage).append('}').toString();
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
                written, storage);
    }
}
