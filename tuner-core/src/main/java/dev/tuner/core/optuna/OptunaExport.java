package dev.tuner.core.optuna;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuner.Direction;
import dev.tuner.core.json.DistributionJson;
import dev.tuner.core.space.CustomDistribution;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialFormat;
import dev.tuner.core.trial.TrialState;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes studies of any {@link Storage} as an Optuna journal, the file Optuna's
 * {@code JournalStorage(JournalFileBackend(path))} reads: {@code optuna.load_study}, optuna-dashboard
 * and the other implementations of Optuna's storage formats then show them.
 *
 * <pre>{@code
 * try (Storage storage = Storages.open("journal:target/tuner/journal.jsonl")) {
 *     OptunaExport.write(storage, List.of("com.acme.ClassifierTuning.validationAccuracy"), Path.of("target/tuner/optuna.log"));
 * }
 * }</pre>
 *
 * <p>Each study keeps its name, directions and objective names (Optuna's metric names, when the storage
 * keeps names); each trial, in number order, its state, objective
 * values, knob values (by full knob name, in Optuna's internal representation, with the nearest
 * Optuna distribution: see {@code docs/coming-from-optuna.md}), intermediate values, start and end
 * times, constraint values (Optuna's {@code constraints} system attribute), why it failed
 * ({@code fail_reason}), and its name as its test is named ({@code #17 x=0.5, layers=4}, user attribute {@value JournalOps#TRIAL_NAME_ATTR}) and the process that ran it
 * ({@code host/pid}, user attribute {@value JournalOps#WORKER_ATTR}).
 * A waiting trial is written as Optuna enqueues one. The study's system attribute
 * {@value JournalOps#DISTRIBUTIONS_ATTR} keeps each knob's Tuner distribution, so that
 * {@link OptunaJournal} reads the trials back exactly.
 */
public final class OptunaExport {

    private static final String WORKER = "tuner-export";
    /** A trial's name as its test is named when it starts: {@code #17 x=0.5, layers=4}. */
    private static final TrialFormat NAME = TrialFormat.of("#{number} {params}");

    private final List<String> lines = new ArrayList<>();
    private int studies;
    private int trialIds;

    private OptunaExport() {}

    /**
     * Writes the studies {@code studyNames} of {@code storage} to {@code file}, replacing it as a whole
     * (through a file beside it, so that a reader never sees half of it).
     *
     * @return how many trials each study had, by study name
     * @throws IllegalArgumentException if the storage holds no study of one of the names (naming it),
     *     or a knob's distribution has no Optuna form (naming the knob)
     */
    public static Map<String, Integer> write(Storage storage, List<String> studyNames, Path file) {
        OptunaExport export = new OptunaExport();
        Map<String, Integer> written = new LinkedHashMap<>();
        for (String studyName : studyNames) {
            List<Direction> directions = storage.directions(studyName).orElseThrow(() -> new IllegalArgumentException(
                    "storage " + storage + " holds no study '" + studyName + "'; give the name of a study it holds ("
                            + "<test class binary name>.<@Tune method name>, as the tune goal prints it)"));
            List<FrozenTrial> trials = storage.trials(studyName);
            export.study(studyName, directions, storage.objectiveNames(studyName).orElse(List.of()), trials);
            written.put(studyName, trials.size());
        }
        export.writeTo(file);
        return written;
    }

    private void study(String studyName, List<Direction> directions, List<String> objectiveNames,
            List<FrozenTrial> trials) {
        int studyId = studies++;
        ObjectNode create = op(JournalOps.CREATE_STUDY);
        create.put("study_name", studyName);
        ArrayNode codes = create.putArray("directions");
        directions.forEach(direction -> codes.add(JournalOps.direction(direction)));
        lines.add(line(create));
        if (!objectiveNames.isEmpty()) {
            ObjectNode names = op(JournalOps.SET_STUDY_SYSTEM_ATTR);
            names.put("study_id", studyId);
            ArrayNode list = names.putObject("system_attr").putArray(JournalOps.METRIC_NAMES_ATTR);
            objectiveNames.forEach(list::add);
            lines.add(line(names));
        }

        Map<String, Map<Distribution, OptunaDistribution>> knobs = knobs(trials);
        ObjectNode kept = JournalOps.JSON.createObjectNode();
        knobs.forEach((knob, forms) -> {
            ArrayNode list = kept.putArray(knob);
            forms.forEach((tuner, optuna) -> {
                ObjectNode pair = list.addObject();
                pair.set("tuner", DistributionJson.toTree(tuner));
                pair.set("optuna", optuna.toTree());
            });
        });
        ObjectNode attr = op(JournalOps.SET_STUDY_SYSTEM_ATTR);
        attr.put("study_id", studyId);
        attr.putObject("system_attr").set(JournalOps.DISTRIBUTIONS_ATTR, kept);
        lines.add(line(attr));

        for (FrozenTrial trial : trials) {
            trial(studyId, trial, knobs);
        }
    }

    /** Each knob's distinct distributions and the Optuna distribution each is written as. */
    private static Map<String, Map<Distribution, OptunaDistribution>> knobs(List<FrozenTrial> trials) {
        Map<String, Map<Distribution, List<Double>>> drawn = new LinkedHashMap<>();
        for (FrozenTrial trial : trials) {
            trial.suggestions().forEach((knob, suggestion) -> drawn.computeIfAbsent(knob, name -> new LinkedHashMap<>())
                    .computeIfAbsent(suggestion.distribution(), distribution -> new ArrayList<>())
                    .add(suggestion.internal()));
        }
        Map<String, Map<Distribution, OptunaDistribution>> knobs = new LinkedHashMap<>();
        drawn.forEach((knob, byDistribution) -> {
            Map<Distribution, OptunaDistribution> forms = new LinkedHashMap<>();
            byDistribution.forEach((distribution, values) -> forms.put(distribution, DistributionMapping.toOptuna(knob,
                    distribution, values.stream().mapToDouble(Double::doubleValue).toArray())));
            OptunaDistribution first = forms.values().iterator().next();
            forms.values().forEach(form -> {
                boolean compatible = form.kind() == first.kind() && form.log() == first.log()
                        && (form.kind() != OptunaDistribution.Kind.CATEGORICAL || form.equals(first));
                if (!compatible) {
                    throw new IllegalArgumentException("knob '" + knob + "' was drawn from " + byDistribution.keySet()
                            + ", which Optuna reads as " + forms.values() + ": Optuna keeps one kind of distribution (and"
                            + " one list of choices) a parameter, and drops the values of the others; export a study"
                            + " whose trials drew each knob from one kind of distribution (narrowing a choice changes its"
                            + " options)");
                }
            });
            knobs.put(knob, forms);
        });
        return knobs;
    }

    private void trial(int studyId, FrozenTrial trial, Map<String, Map<Distribution, OptunaDistribution>> knobs) {
        int trialId = trialIds++;
        ObjectNode create = op(JournalOps.CREATE_TRIAL);
        create.put("study_id", studyId);
        if (trial.state() == TrialState.WAITING) {
            // as Optuna's enqueue_trial writes one: its values wait in system attribute fixed_params
            create.putNull("datetime_start");
            create.put("state", JournalOps.state(TrialState.WAITING));
            create.putNull("value");
            create.putNull("values");
            create.putObject("distributions");
            create.putObject("params");
            create.putObject("user_attrs");
            ObjectNode fixed = create.putObject("system_attrs").putObject(JournalOps.FIXED_PARAMS_ATTR);
            trial.enqueuedValues().forEach((knob, text) -> fixed.set(knob, enqueued(text)));
            create.putObject("intermediate_values");
            lines.add(line(create));
            return;
        }
        // the knobs and attributes ride on the trial's creation, as Optuna's add_trial writes them: a
        // set-param operation would do for Optuna, but optuna-dashboard's journal reader shows a choice
        // set that way by its index, not its value
        create.put("datetime_start", JournalOps.time(trial.started()));
        create.put("state", JournalOps.state(TrialState.RUNNING));
        ObjectNode distributions = create.putObject("distributions");
        ObjectNode params = create.putObject("params");
        trial.suggestions().forEach((knob, suggestion) -> {
            distributions.put(knob, knobs.get(knob).get(suggestion.distribution()).toTree().toString());
            params.put(knob, suggestion.internal());
        });
        ObjectNode userAttrs = create.putObject("user_attrs");
        userAttrs.put(JournalOps.TRIAL_NAME_ATTR, NAME.format(trial));
        trial.worker().ifPresent(worker -> userAttrs.put(JournalOps.WORKER_ATTR, worker.toString()));
        trial.suggestions().forEach((knob, suggestion) -> {
            if (suggestion.distribution() instanceof CustomDistribution) {
                // Optuna sees the internal value of a custom distribution: say which value the objective got
                userAttrs.put(knob, String.valueOf(suggestion.value()));
            }
        });
        ObjectNode systemAttrs = create.putObject("system_attrs");
        if (!trial.constraints().isEmpty()) {
            ArrayNode values = systemAttrs.putArray(JournalOps.CONSTRAINTS_ATTR);
            ArrayNode names = systemAttrs.putArray(JournalOps.CONSTRAINT_NAMES_ATTR);
            trial.constraints().forEach((name, value) -> {
                names.add(name);
                values.add(value);
            });
        }
        trial.failure().ifPresent(failure -> {
            systemAttrs.put(JournalOps.FAIL_REASON_ATTR, failure.describe());
            ObjectNode kept = systemAttrs.putObject(JournalOps.FAILURE_ATTR);
            kept.put("type", failure.type());
            kept.put("message", failure.message());
            kept.put("where", failure.where());
        });
        lines.add(line(create));
        trial.intermediateValues().forEach((step, value) -> {
            ObjectNode intermediate = trialOp(JournalOps.SET_TRIAL_INTERMEDIATE_VALUE, trialId);
            intermediate.put("step", step);
            intermediate.put("intermediate_value", value);
            lines.add(line(intermediate));
        });
        if (trial.state().isFinished()) {
            ObjectNode finish = trialOp(JournalOps.SET_TRIAL_STATE_VALUES, trialId);
            finish.put("state", JournalOps.state(trial.state()));
            if (trial.values().isEmpty()) {
                finish.putNull("values");
            } else {
                ArrayNode values = finish.putArray("values");
                trial.values().forEach(values::add);
            }
            finish.put("datetime_complete", JournalOps.time(trial.finished().orElse(trial.started())));
            lines.add(line(finish));
        }
    }

    /** An enqueued value's text as Optuna's fixed_params holds it: a number as a number, else the text. */
    private static JsonNode enqueued(String text) {
        try {
            double real = Double.parseDouble(text);
            if (real == Math.rint(real) && Math.abs(real) < 0x1p53 && !text.contains(".") && !text.contains("e")
                    && !text.contains("E")) {
                return JournalOps.JSON.getNodeFactory().numberNode((long) real);
            }
            return JournalOps.JSON.getNodeFactory().numberNode(real);
        } catch (NumberFormatException notANumber) {
            return "true".equals(text) || "false".equals(text)
                    ? JournalOps.JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(text))
                    : JournalOps.JSON.getNodeFactory().textNode(text);
        }
    }

    /** The op as one line of JSON, non-finite numbers spelled as Python's json module reads them. */
    private static String line(ObjectNode op) {
        try {
            return JournalOps.JSON.writeValueAsString(op);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException("could not write " + op + " as JSON", impossible);
        }
    }

    private static ObjectNode op(int code) {
        ObjectNode op = JournalOps.JSON.createObjectNode();
        op.put("op_code", code);
        op.put("worker_id", WORKER);
        return op;
    }

    private static ObjectNode trialOp(int code, int trialId) {
        ObjectNode op = op(code);
        op.put("trial_id", trialId);
        return op;
    }

    private void writeTo(Path file) {
        Path absolute = file.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            Files.createDirectories(absolute.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                for (String line : lines) {
                    out.write(line);
                    out.write('\n');
                }
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write the Optuna journal " + absolute + ": " + failed.getMessage()
                    + "; check that its directory can be written", failed);
        }
    }
}
