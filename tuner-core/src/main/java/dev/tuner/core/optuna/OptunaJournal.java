package dev.tuner.core.optuna;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tuner.Direction;
import dev.tuner.core.json.DistributionJson;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import dev.tuner.core.trial.Worker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an Optuna journal (the file of Optuna's {@code JournalFileBackend}, written by Optuna or by
 * {@link OptunaExport}) by replaying its operations as Optuna does: studies in the order created
 * (a second creation of a name is ignored, a deleted study is gone), trials numbered within their
 * study, and operations on a finished trial ignored.
 *
 * <pre>{@code
 * for (OptunaStudy study : OptunaJournal.read(Path.of("optuna.log"))) {
 *     System.out.println(study.name() + ": " + study.trials().size() + " trials");
 * }
 * }</pre>
 *
 * <p>Each parameter becomes a knob value of the same name, with the Tuner distribution nearest its
 * Optuna one ({@code docs/coming-from-optuna.md} lists them), or the one {@link OptunaExport} kept
 * for it; constraint values (Optuna's {@code constraints}) keep the names the export kept, else are
 * named {@code constraints[0]}, {@code constraints[1]}, …; a failed trial's reason
 * ({@code fail_reason}) becomes its failure. User attributes have no place in a Tuner trial and are
 * not read.
 */
public final class OptunaJournal {

    private final Path file;
    private final Map<Integer, StudyEntry> studies = new LinkedHashMap<>();
    private final List<TrialEntry> trials = new ArrayList<>();
    private int nextStudyId;

    private OptunaJournal(Path file) {
        this.file = file;
    }

    /**
     * Whether {@code file} holds an Optuna journal: its first line is a JSON object with an
     * {@code op_code}. Tuner's own journal and properties files do not.
     */
    public static boolean isJournal(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            while (line != null && line.isBlank()) {
                line = in.readLine();
            }
            return line != null && line.strip().startsWith("{") && JournalOps.JSON.readTree(line).has("op_code");
        } catch (IOException | RuntimeException notJson) {
            return false;
        }
    }

    /**
     * The studies of the journal at {@code file}, in the order they were created.
     *
     * @throws IllegalArgumentException if a line is not an operation Optuna writes (naming the file and line)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<OptunaStudy> read(Path file) {
        OptunaJournal journal = new OptunaJournal(file);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + ", line " + number;
                JsonNode op;
                try {
                    op = JournalOps.JSON.readTree(line);
                } catch (JsonProcessingException torn) {
                    // Optuna ignores a last line left half-written by a killed writer; so does this
                    if (in.readLine() == null) {
                        break;
                    }
                    throw new IllegalArgumentException(where + " is not JSON (" + torn.getOriginalMessage()
                            + "); an Optuna journal holds one JSON object a line", torn);
                }
                try {
                    journal.apply(op, where);
                } catch (IllegalArgumentException wrong) {
                    throw wrong.getMessage().startsWith(where) ? wrong : new IllegalArgumentException(where + ": "
                            + wrong.getMessage(), wrong);
                }
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read the Optuna journal " + file + ": " + failed.getMessage(), failed);
        }
        return journal.studies();
    }

    private void apply(JsonNode op, String where) {
        if (!op.path("op_code").isInt()) {
            throw new IllegalArgumentException(where + " has no op_code; an Optuna journal's every line has one");
        }
        int code = op.path("op_code").intValue();
        switch (code) {
            case JournalOps.CREATE_STUDY -> createStudy(op, where);
            case JournalOps.DELETE_STUDY -> studies.remove(op.path("study_id").asInt());
            case JournalOps.SET_STUDY_SYSTEM_ATTR -> {
                StudyEntry study = studies.get(op.path("study_id").asInt());
                JsonNode kept = op.path("system_attr").path(JournalOps.DISTRIBUTIONS_ATTR);
                if (study != null && kept.isObject()) {
                    study.kept = kept;
                }
                JsonNode names = op.path("system_attr").path(JournalOps.METRIC_NAMES_ATTR);
                if (study != null && names.isArray()) {
                    study.objectiveNames = new ArrayList<>();
                    names.forEach(name -> study.objectiveNames.add(name.asText()));
                }
            }
            case JournalOps.CREATE_TRIAL -> createTrial(op, where);
            case JournalOps.SET_TRIAL_PARAM -> updatable(op).ifPresent(trial -> trial.params.put(
                    op.path("param_name").asText(), new Param(distribution(op.path("distribution"), where),
                            op.path("param_value_internal").asDouble())));
            case JournalOps.SET_TRIAL_STATE_VALUES -> updatable(op).ifPresent(trial -> {
                TrialState state = JournalOps.state(op.path("state").asInt(), where);
                if (state == TrialState.RUNNING) {
                    if (trial.state == TrialState.RUNNING) {
                        return;
                    }
                    trial.started = JournalOps.time(op.path("datetime_start").asText());
                }
                if (state.isFinished()) {
                    trial.finished = JournalOps.time(op.path("datetime_complete").asText());
                }
                trial.state = state;
                if (op.path("values").isArray()) {
                    trial.values = op.path("values");
                }
            });
            case JournalOps.SET_TRIAL_INTERMEDIATE_VALUE -> updatable(op).ifPresent(trial ->
                    trial.intermediate.put(op.path("step").asInt(), op.path("intermediate_value").asDouble()));
            case JournalOps.SET_TRIAL_SYSTEM_ATTR -> updatable(op).ifPresent(trial ->
                    op.path("system_attr").properties().forEach(attr -> trial.systemAttrs.put(attr.getKey(), attr.getValue())));
            case JournalOps.SET_TRIAL_USER_ATTR -> updatable(op).ifPresent(trial -> trial.userAttrs(op.path("user_attr")));
            case JournalOps.SET_STUDY_USER_ATTR, JournalOps.DISCARD_TRIALS -> {
                // nothing a Tuner study keeps
            }
            default -> throw new IllegalArgumentException(where + " has op_code " + code + ", which Optuna 5 does not"
                    + " write (0 to 10); is the file an Optuna journal of a later version?");
        }
    }

    private void createStudy(JsonNode op, String where) {
        String name = op.path("study_name").asText();
        if (studies.values().stream().anyMatch(study -> study.name.equals(name))) {
            return;
        }
        List<Direction> directions = new ArrayList<>();
        op.path("directions").forEach(code -> directions.add(JournalOps.direction(code.asInt(), where + ", study '" + name + "'")));
        studies.put(nextStudyId++, new StudyEntry(name, directions));
    }

    private void createTrial(JsonNode op, String where) {
        StudyEntry study = studies.get(op.path("study_id").asInt());
        if (study == null) {
            return;
        }
        TrialEntry trial = new TrialEntry(study, study.trials.size());
        trials.add(trial);
        study.trials.add(trial);
        trial.state = op.has("state") ? JournalOps.state(op.path("state").asInt(), where) : TrialState.RUNNING;
        JsonNode start = op.path("datetime_start");
        trial.started = start.isTextual() ? JournalOps.time(start.asText()) : null;
        if (op.path("datetime_complete").isTextual()) {
            trial.finished = JournalOps.time(op.path("datetime_complete").asText());
        }
        JsonNode distributions = op.path("distributions");
        op.path("params").properties().forEach(param -> trial.params.put(param.getKey(),
                new Param(distribution(distributions.path(param.getKey()), where), param.getValue().asDouble())));
        if (op.path("values").isArray()) {
            trial.values = op.path("values");
        } else if (op.path("value").isNumber()) {
            trial.values = JournalOps.JSON.createArrayNode().add(op.path("value").asDouble());
        }
        op.path("intermediate_values").properties().forEach(step ->
                trial.intermediate.put(Integer.parseInt(step.getKey()), step.getValue().asDouble()));
        op.path("system_attrs").properties().forEach(attr -> trial.systemAttrs.put(attr.getKey(), attr.getValue()));
        trial.userAttrs(op.path("user_attrs"));
    }

    private Optional<TrialEntry> updatable(JsonNode op) {
        int id = op.path("trial_id").asInt(-1);
        if (id < 0 || id >= trials.size()) {
            return Optional.empty();
        }
        TrialEntry trial = trials.get(id);
        return trial.state.isFinished() || !studies.containsValue(trial.study) ? Optional.empty() : Optional.of(trial);
    }

    private static OptunaDistribution distribution(JsonNode node, String where) {
        try {
            // Optuna writes a distribution as a JSON string inside the line
            return OptunaDistribution.fromTree(node.isTextual() ? JournalOps.JSON.readTree(node.asText()) : node);
        } catch (JsonProcessingException invalid) {
            throw new IllegalArgumentException(where + ": the distribution " + node + " is not JSON ("
                    + invalid.getOriginalMessage() + ")", invalid);
        }
    }

    private List<OptunaStudy> studies() {
        List<OptunaStudy> read = new ArrayList<>();
        for (StudyEntry study : studies.values()) {
            List<FrozenTrial> frozen = new ArrayList<>();
            for (TrialEntry trial : study.trials) {
                frozen.add(trial.freeze(study, file));
            }
            List<String> names = namesEachObjective(study.objectiveNames, study.directions) ? study.objectiveNames
                    : List.of();
            read.add(new OptunaStudy(file, study.name, study.directions, frozen, names));
        }
        return read;
    }

    /**
     * Whether Optuna's metric names name each objective once, as a Tuner study's names must: Optuna
     * checks only their count, and names that are blank or repeated are dropped rather than fail a
     * read over a label.
     */
    private static boolean namesEachObjective(List<String> names, List<Direction> directions) {
        return names.size() == directions.size() && names.stream().noneMatch(String::isBlank)
                && new HashSet<>(names).size() == names.size();
    }

    private record Param(OptunaDistribution distribution, double internal) {}

    private static final class StudyEntry {
        final String name;
        final List<Direction> directions;
        final List<TrialEntry> trials = new ArrayList<>();
        JsonNode kept = JournalOps.JSON.createObjectNode();
        List<String> objectiveNames = List.of();

        StudyEntry(String name, List<Direction> directions) {
            this.name = name;
            this.directions = directions;
        }

        /** The Tuner distribution the export kept for this Optuna distribution of {@code knob}, if any. */
        Optional<Distribution> kept(String knob, OptunaDistribution optuna) {
            for (JsonNode pair : kept.path(knob)) {
                if (OptunaDistribution.fromTree(pair.path("optuna")).equals(optuna)) {
                    return Optional.of(DistributionJson.fromTree(pair.path("tuner")));
                }
            }
            return Optional.empty();
        }
    }

    private static final class TrialEntry {
        final StudyEntry study;
        final int number;
        TrialState state = TrialState.RUNNING;
        Instant started;
        Instant finished;
        JsonNode values;
        final Map<String, Param> params = new LinkedHashMap<>();
        final TreeMap<Integer, Double> intermediate = new TreeMap<>();
        final Map<String, JsonNode> systemAttrs = new LinkedHashMap<>();
        /** The user attribute {@value JournalOps#WORKER_ATTR} that an export from Tuner wrote, if any. */
        String worker;

        TrialEntry(StudyEntry study, int number) {
            this.study = study;
            this.number = number;
        }

        /** Takes what a Tuner trial keeps of user attributes: the worker that ran it. */
        void userAttrs(JsonNode attrs) {
            JsonNode worker = attrs.path(JournalOps.WORKER_ATTR);
            if (worker.isTextual()) {
                this.worker = worker.asText();
            }
        }

        FrozenTrial freeze(StudyEntry study, Path file) {
            String where = file + ", study '" + study.name + "', trial #" + number;
            Map<String, Suggestion> suggestions = new LinkedHashMap<>();
            params.forEach((name, param) -> {
                Distribution tuner;
                try {
                    tuner = study.kept(name, param.distribution())
                            .orElseGet(() -> DistributionMapping.toTuner(name, param.distribution()));
                } catch (IllegalArgumentException unmappable) {
                    throw new IllegalArgumentException(where + ": " + unmappable.getMessage(), unmappable);
                }
                suggestions.put(name, new Suggestion(tuner, DistributionMapping.toTunerInternal(tuner, param.internal())));
            });
            double[] objectives = new double[values == null ? 0 : values.size()];
            for (int i = 0; i < objectives.length; i++) {
                objectives[i] = values.get(i).asDouble();
            }
            Map<String, Double> constraints = new LinkedHashMap<>();
            JsonNode constraintValues = systemAttrs.getOrDefault(JournalOps.CONSTRAINTS_ATTR, JournalOps.JSON.nullNode());
            JsonNode names = systemAttrs.getOrDefault(JournalOps.CONSTRAINT_NAMES_ATTR, JournalOps.JSON.nullNode());
            for (int i = 0; i < constraintValues.size(); i++) {
                String name = names.size() == constraintValues.size() ? names.get(i).asText() : "constraints[" + i + "]";
                constraints.put(name, constraintValues.get(i).asDouble());
            }
            Optional<TrialFailure> failure = Optional.empty();
            if (state == TrialState.FAIL) {
                JsonNode kept = systemAttrs.get(JournalOps.FAILURE_ATTR);
                JsonNode reason = systemAttrs.get(JournalOps.FAIL_REASON_ATTR);
                failure = Optional.of(kept != null
                        ? new TrialFailure(kept.path("type").asText(), kept.path("message").asText(), kept.path("where").asText())
                        : new TrialFailure("optuna.TrialState.FAIL", reason != null ? reason.asText() : "failed in Optuna", where));
            }
            Map<String, String> enqueued = new LinkedHashMap<>();
            if (state == TrialState.WAITING) {
                systemAttrs.getOrDefault(JournalOps.FIXED_PARAMS_ATTR, JournalOps.JSON.nullNode()).properties()
                        .forEach(fixed -> enqueued.put(fixed.getKey(), fixed.getValue().asText()));
            }
            Instant start = started != null ? started : finished != null ? finished : Instant.EPOCH;
            return new FrozenTrial(number, state, TrialResult.of(objectives, constraints), suggestions, failure, start,
                    Optional.ofNullable(finished), intermediate, enqueued,
                    worker == null ? Optional.empty() : Worker.parse(worker));
        }
    }
}
