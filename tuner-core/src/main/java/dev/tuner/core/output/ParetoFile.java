package dev.tuner.core.output;

import dev.tuner.core.report.AtomicFile;
import dev.tuner.core.report.StudySnapshot;
import dev.tuner.core.trial.FrozenTrial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the Pareto set of a study of several objectives as CSV, beside its properties file: one
 * row per trial that meets every constraint and that no other such trial beats on every objective,
 * in trial order, with its number, each objective value, each constraint value (at most 0, since the
 * trial meets it) and each knob value, keyed by the knob's full name as in the properties file.
 *
 * <pre>
 * trial,accuracy,latencyMs,constraint latencyMs,com.acme.ModelTuning.accuracyAndLatency.depth,...
 * 3,0.912,4.1,-15.9,2,...
 * 17,0.961,12.4,-7.6,6,...
 * </pre>
 *
 * <p>A knob a trial did not read (a branch it did not take) is an empty cell. Fields holding a comma,
 * a quote or a line break are quoted, as RFC 4180 says; numbers are written in full precision.
 */
final class ParetoFile {

    /** The header of a constraint's column: this prefix, then the constraint's name. */
    static final String CONSTRAINT_COLUMN = "constraint ";

    private ParetoFile() {}

    /** The file the Pareto set of a study named {@code name} goes to: {@code <directory>/<name>.pareto.csv}. */
    static Path pathFor(Path directory, String name) {
        return directory.resolve(name + ".pareto.csv");
    }

    /**
     * Writes the Pareto set of {@code study} to {@code file}, replacing it whole.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    static Path write(Path file, StudySnapshot study) {
        try {
            AtomicFile.write(file, render(study), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write the Pareto set of study '" + study.name() + "' to " + file
                    + ": " + failed.getMessage() + "; check that the directory is writable", failed);
        }
        return file;
    }

    /** The CSV text of the Pareto set of {@code study}. */
    static String render(StudySnapshot study) {
        List<FrozenTrial> front = study.bestTrials();
        Set<String> constraints = new LinkedHashSet<>();
        Set<String> knobs = new LinkedHashSet<>();
        for (FrozenTrial trial : front) {
            constraints.addAll(trial.constraints().keySet());
            knobs.addAll(trial.params().keySet());
        }
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("trial");
        header.addAll(study.objectiveNames());
        constraints.forEach(name -> header.add(CONSTRAINT_COLUMN + name));
        header.addAll(knobs);
        row(csv, header);
        for (FrozenTrial trial : front) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(trial.number()));
            for (int i = 0; i < study.directions().size(); i++) {
                cells.add(Double.toString(trial.result().value(i)));
            }
            Map<String, Double> values = trial.constraints();
            constraints.forEach(name -> cells.add(values.containsKey(name) ? Double.toString(values.get(name)) : ""));
            Map<String, Object> params = trial.params();
            knobs.forEach(knob -> cells.add(params.containsKey(knob) ? BestParametersFile.text(params.get(knob)) : ""));
            row(csv, cells);
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(cells.get(i)));
        }
        csv.append('\n');
    }

    /** A cell, quoted when it holds a comma, a quote or a line break, its quotes doubled. */
    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
