package dev.tuner.core.report;

import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.TrialState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a study's best parameters as a properties file, keyed by each knob's full name, with
 * comment lines saying where the values came from:
 *
 * <pre>
 * # Best parameters of study com.acme.QuadraticTuning.quad1
 * # objective: 0.7500192 (minimize), trial #57
 * # trials: 200 (200 complete, 0 failed)
 * # written: 2026-11-22T10:15:30Z
 * com.acme.QuadraticTuning.quad1.x=0.5001923
 * </pre>
 *
 * <p>The file is readable by {@link java.util.Properties#load(java.io.Reader)}; values keep full
 * precision so they reproduce the best trial exactly.
 */
public final class BestParametersFile {

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
        FrozenTrial best = best(study);
        Path file = pathFor(directory, study.name());
        writeWhole(file, render(study, best), study.name());
        return file;
    }

    /**
     * Merges the best parameters of {@code study} into the properties file {@code file}, e.g. the
     * {@code tuner.properties} that production code reads with {@code Tuned}: its knobs' keys get the
     * new values, every other key stays. The file is replaced whole, so a reader never sees half of it.
     *
     * @return the file written
     * @throws IllegalStateException if the study has no complete trial
     * @throws UncheckedIOException if the file cannot be read or written
     */
    public Path mergeInto(Path file, StudySnapshot study) {
        FrozenTrial best = best(study);
        Map<String, String> values = new TreeMap<>();
        KnownParameters.fromFile(file).ifPresent(known -> known.values()
                .forEach((key, value) -> values.put(key, value.toString())));
        best.params().forEach((key, value) -> values.put(key, text(value)));
        StringBuilder content = new StringBuilder();
        content.append("# Tuned parameters, keyed by knob; written by Tuner, last from study ").append(study.name())
                .append(" (trial #").append(best.number()).append(") at ").append(Instant.now(clock)).append('\n');
        values.forEach((key, value) -> content.append(PropertiesText.escape(key, true)).append('=')
                .append(PropertiesText.escape(value, false)).append('\n'));
        writeWhole(file, content.toString(), study.name());
        return file;
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

    String render(StudySnapshot study, FrozenTrial best) {
        List<FrozenTrial> trials = study.trials();
        long complete = study.count(TrialState.COMPLETE);
        long failed = study.count(TrialState.FAIL);
        long pruned = study.count(TrialState.PRUNED);
        long waiting = study.count(TrialState.WAITING);
        StringBuilder text = new StringBuilder();
        text.append("# Best parameters of study ").append(study.name()).append('\n');
        text.append("# objective: ").append(best.value().getAsDouble())
                .append(" (").append(study.direction().name().toLowerCase(java.util.Locale.ROOT)).append("), trial #")
                .append(best.number()).append('\n');
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
