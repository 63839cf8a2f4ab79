package dev.tuner.core.optuna;

import dev.tuner.Direction;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialFailure;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Brings the trials of an Optuna study into a Tuner study, so that its sampler learns from them:
 * what {@code tuner.warm.start} does with an Optuna journal.
 *
 * <pre>{@code
 * int trials = OptunaImport.warmStart(Path.of("optuna.log"), storage, study.name(), knobs, false);
 * }</pre>
 *
 * <p>The trials keep their numbers, states, objective values, knob values, intermediate values,
 * constraint values, failures, start and finish times (to the microsecond, as Optuna writes them),
 * and the worker that ran them when a Tuner export named it; each is written whole, in one write
 * ({@link Storage#addTrial}). A trial still {@code RUNNING} in the journal is imported as failed
 * at the import's time (no worker of this study runs it), and the waiting ones are enqueued, after
 * the others, with their values.
 */
public final class OptunaImport {

    private OptunaImport() {}

    /**
     * Imports the trials of the Optuna study in {@code file} into the study {@code studyName} of
     * {@code storage}, which must exist and hold no trial yet, matching each Optuna parameter to a
     * knob of the study by name: the knob of that full name, else the study's own knob of that name
     * ({@code <study>.<name>}, as a parameter of the {@code @Tune} method is named); a name of a
     * field or method of a class on the class path ({@code com.acme.Classifier.learningRate}) is
     * taken as that knob's full name. The file's study is the one named {@code studyName}, or its only one.
     *
     * @param declared the knobs the study declares, by full name, with their distributions: a value is
     *     checked against, and stored with, its knob's
     * @param suggestsByName whether the objective suggests knobs by name (takes a {@code Trial}), so
     *     that any parameter name may be one of its knobs
     * @return how many trials were imported
     * @throws IllegalArgumentException naming every parameter that matches no knob or whose value its
     *     knob cannot take, with the file, study and trials it came from; or if the file holds no
     *     study to take or its directions differ from the study's
     */
    public static int warmStart(Path file, Storage storage, String studyName, Map<String, Distribution> declared,
            boolean suggestsByName) {
        OptunaStudy source = pick(OptunaJournal.read(file), studyName, file);
        KnobMatch match = new KnobMatch(studyName, declared, suggestsByName);
        List<FrozenTrial> matched = match.apply(source);
        return write(new OptunaStudy(file, source.name(), source.directions(), matched), storage, studyName);
    }

    /**
     * Copies the trials of {@code source} into the study {@code studyName} of {@code storage}, each
     * knob under the parameter's name: creates the study with the source's directions (and names its
     * objectives as the source does, if it does), which must hold no trial yet.
     *
     * @return how many trials were copied
     */
    public static int copy(OptunaStudy source, Storage storage, String studyName) {
        storage.createStudy(studyName, source.directions());
        int copied = write(source, storage, studyName);
        if (!source.objectiveNames().isEmpty()) {
            storage.nameObjectives(studyName, source.objectiveNames());
        }
        return copied;
    }

    private static OptunaStudy pick(List<OptunaStudy> studies, String studyName, Path file) {
        for (OptunaStudy study : studies) {
            if (study.name().equals(studyName)) {
                return study;
            }
        }
        if (studies.size() == 1) {
            return studies.get(0);
        }
        List<String> names = studies.stream().map(OptunaStudy::name).toList();
        throw new IllegalArgumentException("the Optuna journal " + file + " holds " + (studies.isEmpty() ? "no study"
                : studies.size() + " studies " + names + ", none named '" + studyName + "'") + "; give a journal of one"
                + " study, or name the Optuna study as the Tuner study ('" + studyName + "'), e.g. with"
                + " optuna.copy_study(from_study_name=..., to_study_name='" + studyName + "', ...)");
    }

    private static int write(OptunaStudy source, Storage storage, String studyName) {
        String where = "the Optuna journal " + source.file() + ", study '" + source.name() + "'";
        List<Direction> directions = storage.directions(studyName).orElseThrow(() -> new IllegalArgumentException(
                "storage " + storage + " holds no study '" + studyName + "' to import " + where + " into; create it first"));
        if (!directions.equals(source.directions())) {
            throw new IllegalArgumentException(where + " has directions " + source.directions() + ", but study '"
                    + studyName + "' has " + directions + "; import a study that optimizes the same objectives the same way");
        }
        if (!storage.trials(studyName).isEmpty()) {
            throw new IllegalStateException("study '" + studyName + "' in " + storage + " holds trials already, so "
                    + where + " cannot keep its trial numbers there; import into a new study or an empty storage");
        }
        List<FrozenTrial> waiting = new ArrayList<>();
        Instant imported = Instant.now();
        for (FrozenTrial trial : source.trials()) {
            if (trial.state() == TrialState.WAITING) {
                waiting.add(trial);
                continue;
            }
            if (trial.state() == TrialState.RUNNING) {
                storage.addTrial(studyName, new FrozenTrial(trial.number(), TrialState.FAIL,
                        TrialResult.of(new double[0], trial.constraints()), trial.suggestions(),
                        Optional.of(new TrialFailure(OptunaImport.class.getName(), "trial #" + trial.number()
                                + " was RUNNING in " + where + " when it was imported", source.file().toString())),
                        trial.started(), Optional.of(imported), trial.intermediateValues(), Map.of(), trial.worker()));
            } else {
                storage.addTrial(studyName, trial);
            }
        }
        for (FrozenTrial trial : waiting) {
            storage.enqueueTrial(studyName, trial.enqueuedValues());
        }
        return source.trials().size();
    }

    /** Matches an Optuna study's parameter names to a Tuner study's knobs, and its values to their distributions. */
    private static final class KnobMatch {

        private final String studyName;
        private final Map<String, Distribution> declared;
        private final boolean suggestsByName;

        KnobMatch(String studyName, Map<String, Distribution> declared, boolean suggestsByName) {
            this.studyName = studyName;
            this.declared = declared;
            this.suggestsByName = suggestsByName;
        }

        List<FrozenTrial> apply(OptunaStudy source) {
            Map<String, List<Integer>> unmatched = new LinkedHashMap<>();
            List<String> badValues = new ArrayList<>();
            List<FrozenTrial> matched = new ArrayList<>();
            for (FrozenTrial trial : source.trials()) {
                Map<String, Suggestion> suggestions = new LinkedHashMap<>();
                trial.suggestions().forEach((param, suggestion) -> {
                    Optional<String> knob = knob(param);
                    if (knob.isEmpty()) {
                        unmatched.computeIfAbsent(param, name -> new ArrayList<>()).add(trial.number());
                        return;
                    }
                    Distribution target = declared.get(knob.get());
                    if (target == null) {
                        suggestions.put(knob.get(), suggestion);
                        return;
                    }
                    Object value = suggestion.value();
                    Optional<Double> internal = KnobValues.internalOf(target, value);
                    if (internal.isEmpty()) {
                        badValues.add("'" + param + "' = " + value + " in trial #" + trial.number() + " is not a value of"
                                + " knob " + knob.get() + " (" + target + ")");
                    } else {
                        suggestions.put(knob.get(), new Suggestion(target, internal.get()));
                    }
                });
                Map<String, String> enqueued = new LinkedHashMap<>();
                trial.enqueuedValues().forEach((param, text) -> {
                    Optional<String> knob = knob(param);
                    if (knob.isEmpty()) {
                        unmatched.computeIfAbsent(param, name -> new ArrayList<>()).add(trial.number());
                    } else {
                        enqueued.put(knob.get(), text);
                    }
                });
                matched.add(new FrozenTrial(trial.number(), trial.state(), trial.result(), suggestions, trial.failure(),
                        trial.started(), trial.finished(), trial.intermediateValues(), enqueued, trial.worker()));
            }
            if (!unmatched.isEmpty() || !badValues.isEmpty()) {
                throw new IllegalArgumentException(message(source, unmatched, badValues));
            }
            return matched;
        }

        private Optional<String> knob(String param) {
            if (declared.containsKey(param)) {
                return Optional.of(param);
            }
            String own = studyName + "." + param;
            if (declared.containsKey(own)) {
                return Optional.of(own);
            }
            if (suggestsByName) {
                return Optional.of(param.startsWith(studyName + ".") ? param : own);
            }
            if (!param.startsWith(studyName + ".") && KnobValues.isMember(param)) {
                return Optional.of(param);
            }
            return Optional.empty();
        }

        private String message(OptunaStudy source, Map<String, List<Integer>> unmatched, List<String> badValues) {
            StringBuilder message = new StringBuilder("the Optuna journal " + source.file() + ", study '" + source.name()
                    + "', does not fit study '" + studyName + "':");
            unmatched.forEach((param, trials) -> message.append("\n  parameter '").append(param)
                    .append("' matches no knob (trials ").append(trialList(trials)).append(")"));
            badValues.forEach(bad -> message.append("\n  ").append(bad));
            message.append("\nthe study's knobs: ").append(new TreeSet<>(declared.keySet()))
                    .append(suggestsByName ? " and those its objective suggests by name" : "")
                    .append(". A parameter matches the knob of its full name, the study's knob of its name (<study>.<name>),"
                            + " or a field or method knob of a class on the class path by its full name"
                            + " (com.acme.Classifier.learningRate); rename the parameters in Optuna or the knobs in Tuner,"
                            + " or leave tuner.warm.start unset");
            return message.toString();
        }

        private static String trialList(List<Integer> trials) {
            List<String> shown = trials.stream().limit(10).map(number -> "#" + number).toList();
            return String.join(", ", shown) + (trials.size() > 10 ? " and " + (trials.size() - 10) + " more" : "");
        }
    }
}
