package dev.tuner.core.output;

import dev.tuner.core.report.AtomicFile;
import dev.tuner.core.report.StudySnapshot;
import dev.tuner.core.storage.StorageName;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a study's best parameters as a properties file, keyed by each knob's full name, with
 * comment lines saying where the values came from: the study, its best trial and the storage that
 * holds it.
 *
 * <pre>
 * # Best parameters of study com.acme.QuadraticTuning.quad1
 * # objective: 0.7500192 (minimize), trial #57
 * # storage: journal:target/tuner/journal.jsonl
 * # trials: 200 (200 complete, 0 failed)
 * # written: 2026-11-22T10:15:30Z
 * com.acme.QuadraticTuning.quad1.x=0.5001923
 * </pre>
 *
 * <p>It also merges a study's best into a file of several studies' values, such as the
 * {@code tuner.properties} production code reads, with one line per study:
 *
 * <pre>
 * # Tuned parameters, keyed by knob, written by Tuner; each study line says which trial of which storage its values came from
 * # study com.acme.QuadraticTuning.quad1: trial #57, value 0.7500192 (minimize), written 2026-11-22T10:15:30Z, from journal:target/tuner/journal.jsonl
 * com.acme.QuadraticTuning.quad1.x=0.5001923
 * </pre>
 *
 * <p>The files are readable by {@link java.util.Properties#load(java.io.Reader)}; values keep full
 * precision so they reproduce the best trial exactly. Which study's file a run may replace is
 * {@link StudyOutputs}'s to decide.
 */
final class BestParametersFile {

    private final Clock clock;

    /** A writer that dates files by {@code clock}. */
    public BestParametersFile(Clock clock) {
        this.clock = clock;
    }

    /** The file a study's best parameters go to: {@code <directory>/<study name>.properties}. */
    public static Path pathFor(Path directory, String studyName) {
        return directory.resolve(studyName + ".properties");
    }

    /**
     * Writes the best trial of {@code study} to {@link #pathFor(Path, String)}, replacing the file
     * whole so that a reader never sees half of it.
     *
     * <pre>{@code
     * StudySnapshot snapshot = StudySnapshot.of(study);   // the trials, read once for every file
     * Path file = new BestParametersFile(Clock.systemUTC()).write(Path.of("target/tuner"), snapshot);
     * }</pre>
     *
     * @return the file written
     * @throws IllegalStateException if the study has no complete trial
     */
    public Path write(Path directory, StudySnapshot study) {
        Path file = pathFor(directory, study.name());
        writeWhole(file, render(study, best(study), null), study.name());
        return file;
    }

    /**
     * Writes the best trial of {@code study}, kept in {@code storage}, to {@code file}, replacing
     * the file whole; its comments name the storage.
     *
     * @return the file written
     * @throws IllegalStateException if the study has no complete trial
     * @throws UncheckedIOException if the file cannot be written
     */
    public Path write(Path file, StudySnapshot study, StorageName storage) {
        writeWhole(file, render(study, best(study), storage), study.name());
        return file;
    }

    /**
     * Merges the best parameters of {@code study}, kept in {@code storage}, into the properties file
     * {@code file}, e.g. the {@code tuner.properties} that production code reads with {@code Tuned}:
     * its knobs' keys get the new values, every other key stays (but the bare key Tuner 0.1 wrote for a
     * knob the study suggests through its {@code Trial}, now under its study's name), and the study's line says where
     * they came from, beside the other studies' lines. The file is replaced whole, so a reader never
     * sees half of it.
     *
     * @return the file written
     * @throws IllegalStateException if the study has no complete trial
     * @throws UncheckedIOException if the file cannot be read or written
     */
    public Path mergeInto(Path file, StudySnapshot study, StorageName storage) {
        FrozenTrial best = best(study);
        Map<String, String> values = new TreeMap<>();
        Map<String, String> lines = new LinkedHashMap<>();
        KnownParameters.fromFile(file).ifPresent(known -> known.values()
                .forEach((key, value) -> values.put(key, value.toString())));
        readHeader(file).studies().values().forEach(source -> {
            if (source.line() != null) {
                lines.put(source.study(), source.line());
            }
        });
        String own = study.name() + ".";
        best.params().forEach((key, value) -> {
            values.put(key, text(value));
            if (key.startsWith(own) && BareKeys.isBare(key.substring(own.length()))) {
                values.remove(key.substring(own.length()));  // the bare key Tuner 0.1 wrote for this knob
            }
        });
        lines.put(study.name(), OutputHeader.STUDY_LINE + study.name() + ": trial #" + best.number() + ", value "
                + best.value().getAsDouble() + " (" + direction(study) + "), written " + Instant.now(clock)
                + ", from " + storage.text());
        StringBuilder content = new StringBuilder();
        content.append(MERGED_TITLE).append('\n');
        lines.values().forEach(line -> content.append(line).append('\n'));
        values.forEach((key, value) -> content.append(PropertiesText.escape(key, true)).append('=')
                .append(PropertiesText.escape(value, false)).append('\n'));
        writeWhole(file, content.toString(), study.name());
        return file;
    }

    /**
     * The header of a properties file of tuned values, empty when there is no such file.
     *
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    static OutputHeader readHeader(Path file) {
        if (!Files.isRegularFile(file)) {
            return OutputHeader.parse("");
        }
        try {
            return OutputHeader.parse(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("could not read the parameters in " + file + ": " + unreadable.getMessage()
                    + "; fix or delete the file", unreadable);
        }
    }

    private static FrozenTrial best(StudySnapshot study) {
        return study.best().orElseThrow(() -> new IllegalStateException("study '" + study.name()
                + "' has no complete trial, so it has no best parameters to write"));
    }

    private static void writeWhole(Path file, String content, String studyName) {
        try {
            AtomicFile.write(file, content, StandardCharsets.ISO_8859_1);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write the best parameters of study '" + studyName
                    + "' to " + file + ": " + failed.getMessage() + "; check that the directory is writable", failed);
        }
    }

    /** The first line of a file the best of several studies is merged into. */
    static final String MERGED_TITLE = "# Tuned parameters, keyed by knob, written by Tuner; each study line says"
            + " which trial of which storage its values came from";

    private static String direction(StudySnapshot study) {
        return study.direction().name().toLowerCase(java.util.Locale.ROOT);
    }

    String render(StudySnapshot study, FrozenTrial best, StorageName storage) {
        List<FrozenTrial> trials = study.trials();
        long complete = study.count(TrialState.COMPLETE);
        long failed = study.count(TrialState.FAIL);
        long pruned = study.count(TrialState.PRUNED);
        long waiting = study.count(TrialState.WAITING);
        StringBuilder text = new StringBuilder();
        text.append(OutputHeader.STUDY_FILE_TITLE).append(study.name()).append('\n');
        text.append("# objective: ").append(best.value().getAsDouble())
                .append(" (").append(direction(study)).append("), trial #")
                .append(best.number()).append('\n');
        if (storage != null) {
            text.append(OutputHeader.STORAGE_LINE).append(storage.text()).append('\n');
        }
        text.append("# trials: ").append(trials.size()).append(" (").append(complete).append(" complete, ")
                .append(pruned > 0 ? pruned + " pruned, " : "").append(failed).append(" failed")
                .append(waiting > 0 ? ", " + waiting + " waiting to run" : "").append(")\n");
        text.append("# written: ").append(Instant.now(clock)).append('\n');
        for (Map.Entry<String, Object> param : best.params().entrySet()) {
            text.append(PropertiesText.escape(param.getKey(), true)).append('=')
                    .append(PropertiesText.escape(text(param.getValue()), false)).append('\n');
        }
        return text.toString();
    }

    private static String text(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Class<?> branch) {
            // the chosen branch of a @Choice over a sealed type; its knobs follow, prefixed by it
            return branch.getSimpleName();
        }
        return String.valueOf(value);
    }
}
