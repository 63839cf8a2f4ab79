package dev.tuner.core.output;

import dev.tuner.core.storage.StorageName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the comment lines of a properties file of tuned values say about where its values came
 * from, as {@link BestParametersFile} writes them: a study's own file names its study, best trial
 * and storage; a file the best of several studies is merged into has a line per study.
 *
 * <pre>
 * # Best parameters of study com.acme.QuadraticTuning.quad1
 * # objective: 0.7500192 (minimize), trial #57
 * # storage: journal:target/tuner/journal.jsonl
 * ...
 * # study com.acme.QuadraticTuning.quad1: trial #57, value 0.7500192 (minimize), written 2026-11-22T10:15:30Z, from journal:target/tuner/journal.jsonl
 * </pre>
 *
 * <p>A file written by hand, or by a Tuner before storages were named, names no study.
 */
final class OutputHeader {

    static final String STUDY_FILE_TITLE = "# Best parameters of study ";
    static final String STORAGE_LINE = "# storage: ";
    static final String STUDY_LINE = "# study ";

    private static final Pattern OBJECTIVE = Pattern.compile("# objective: .*, trial #(\\d+)\\s*");
    private static final Pattern MERGED_STUDY = Pattern.compile("# study (\\S+): trial #(\\d+|\\?)(?:, .*?)?, from (.+?)\\s*");

    /**
     * Where one study's values came from.
     *
     * @param line its line in a merged file, or null when the storage is unknown (a file of an
     *     older Tuner)
     */
    record Source(String study, OptionalInt trial, Optional<StorageName> storage, String line) {}

    private final Map<String, Source> studies;

    private OutputHeader(Map<String, Source> studies) {
        this.studies = studies;
    }

    /** The header of a properties file's text; lines other than comments are passed over. */
    static OutputHeader parse(String text) {
        Map<String, Source> studies = new LinkedHashMap<>();
        String titled = null;
        OptionalInt trial = OptionalInt.empty();
        Optional<StorageName> storage = Optional.empty();
        for (String line : text.split("\r?\n|\r")) {
            Matcher merged = MERGED_STUDY.matcher(line);
            Matcher objective = OBJECTIVE.matcher(line);
            if (line.startsWith(STUDY_FILE_TITLE)) {
                titled = line.substring(STUDY_FILE_TITLE.length()).strip();
            } else if (line.startsWith(STORAGE_LINE)) {
                storage = Optional.of(StorageName.of(line.substring(STORAGE_LINE.length())));
            } else if (objective.matches()) {
                trial = OptionalInt.of(Integer.parseInt(objective.group(1)));
            } else if (merged.matches()) {
                OptionalInt number = merged.group(2).equals("?")
                        ? OptionalInt.empty()
                        : OptionalInt.of(Integer.parseInt(merged.group(2)));
                studies.put(merged.group(1), new Source(merged.group(1), number,
                        Optional.of(StorageName.of(merged.group(3))), line));
            }
        }
        if (titled != null && !studies.containsKey(titled)) {
            // a study's own file, or a copy of it: its line, should its values be merged with others
            String line = storage.isPresent() ? studyLine(titled, trial, storage.get()) : null;
            studies.put(titled, new Source(titled, trial, storage, line));
        }
        return new OutputHeader(studies);
    }

    /** Where the values of study {@code name} came from, if the file says. */
    Optional<Source> study(String name) {
        return Optional.ofNullable(studies.get(name));
    }

    /** Whether the file names any study: written by a Tuner that says where values came from. */
    boolean namesStudies() {
        return !studies.isEmpty();
    }

    /** Every study the file names, in the order it names them. */
    Map<String, Source> studies() {
        return studies;
    }

    /** The line of a merged file for a study whose values are those of trial {@code trial} of {@code storage}. */
    static String studyLine(String study, OptionalInt trial, StorageName storage) {
        return STUDY_LINE + study + ": trial #" + (trial.isPresent() ? String.valueOf(trial.getAsInt()) : "?")
                + ", from " + storage.text();
    }
}
