package dev.tuner.core.output;

import dev.tuner.core.report.AtomicFile;
import dev.tuner.core.report.StudySnapshot;
import dev.tuner.core.storage.StorageName;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.ParetoPick;
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
 * <p>For a study of several objectives the file holds the trial of the Pareto set its
 * {@link ParetoPick} picks, and says so:
 *
 * <pre>
 * # Best parameters of study com.acme.ModelTuning.accuracyAndLatency
 * # objective: accuracy 0.961 (maximize), latencyMs 12.4 (minimize), trial #17
 * # picked: knee of 7 Pareto trials (those meeting every constraint that no other beats on every objective)
 * ...
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
        writeWhole(file, render(study, PickedTrial.of(study, defaultPick(study)), null), study.name());
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
        return write(file, study, PickedTrial.of(study, defaultPick(study)), storage);
    }

    /** Writes {@code picked}, the trial of {@code study} kept in {@code storage} that its outputs hold, to {@code file}. */
    Path write(Path file, StudySnapshot study, PickedTrial picked, StorageName storage) {
        writeWhole(file, render(study, picked, storage), study.name());
        return file;
    }

    /** The default pick of a study's objectives: its best, or the knee of several. */
    static ParetoPick defaultPick(StudySnapshot study) {
        return ParetoPick.parse("", study.objectiveNames());
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
        return mergeInto(file, study, PickedTrial.of(study, defaultPick(study)), storage);
    }

    /** Merges {@code picked}, the trial of {@code study} kept in {@code storage} that its outputs hold, into {@code file}. */
    Path mergeInto(Path file, StudySnapshot study, PickedTrial picked, StorageName storage) {
        FrozenTrial best = picked.trial();
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
                + picked.values(study) + (picked.picked().isEmpty() ? "" : ", picked: " + picked.picked())
                + ", written " + Instant.now(clock)
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

    private static void writeWhole(Path file, String content, String studyName) {
        try {
            AtomicFile.write(file, content, StandardCharsets.ISO_8859_1);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write the best parameters of study '" + studyName
                    + "' to " + file + ": " + failed.getMessage() + "; check that the directory is writable", failed);
        }
    }

    /** The line of a study's own file that says how the trial of several objectives was picked. */
    static final String PICKED_LINE = "# picked: ";

    /** The first line of a file the best of several studies is merged into. */
    static final String MERGED_TITLE = "# Tuned parameters, keyed by knob, written by Tuner; each study line says"
            + " which trial of which storage its values came from";

    String render(StudySnapshot study, PickedTrial picked, StorageName storage) {
        FrozenTrial best = picked.trial();
        List<FrozenTrial> trials = study.trials();
        long complete = study.count(TrialState.COMPLETE);
        long failed = study.count(TrialState.FAIL);
        long pruned = study.count(TrialState.PRUNED);
        long waiting = study.count(TrialState.WAITING);
        StringBuilder text = new StringBuilder();
        text.append(OutputHeader.STUDY_FILE_TITLE).append(study.name()).append('\n');
        text.append("# objective: ").append(picked.values(study)).append(", trial #").append(best.number()).append('\n');
        if (!picked.picked().isEmpty()) {
            text.append(PICKED_LINE).append(picked.picked())
                    .append(" (those meeting every constraint that no other beats on every objective)\n");
        }
        if (storage != null) {
            text.append(OutputHeader.STORAGE_LINE).append(storage.text()).append('\n');
        }
        long infeasible = trials.stream().filter(trial -> trial.state() == TrialState.COMPLETE && !trial.isFeasible()).count();
        text.append("# trials: ").append(trials.size()).append(" (").append(complete).append(" complete, ")
                .append(infeasible > 0 ? infeasible + " of them infeasible, " : "")
                .append(pruned > 0 ? pruned + " pruned, " : "").append(failed).append(" failed")
                .append(waiting > 0 ? ", " + waiting + " waiting to run" : "").append(")\n");
        text.append("# written: ").append(Instant.now(clock)).append('\n');
        for (Map.Entry<String, Object> param : best.params().entrySet()) {
            text.append(PropertiesText.escape(param.getKey(), true)).append('=')
                    .append(PropertiesText.escape(text(param.getValue()), false)).append('\n');
        }
        return text.toString();
    }

    /** A knob value as the files write it: an enum constant by name, a chosen branch by its simple name. */
    static String text(Object value) {
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
