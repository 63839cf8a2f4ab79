package dev.tuner.core.plan;

import dev.tuner.Direction;
import dev.tuner.Tune;
import dev.tuner.core.inject.InvalidDeclarationException;
import dev.tuner.core.inject.MethodObjective;
import dev.tuner.core.pruner.Pruners;
import dev.tuner.core.sampler.Sampler;
import dev.tuner.core.sampler.Samplers;
import dev.tuner.core.sampler.Seeds;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.storage.Storages;
import dev.tuner.core.study.Study;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything needed to run the study of one {@code @Tune} method: its name, direction, budget,
 * seed, sampler and pruner (from the annotation, overridden for this run), and its objective.
 *
 * @param studyName the study's name, {@code <binary class name>.<method name>}
 * @param direction whether smaller or larger values are better: of the one objective, or of the first
 *     of several (read {@link #directions()} then)
 * @param trials how many trials to run; at least 1
 * @param seed the sampler's seed; a fresh one when neither the annotation nor the run set one
 * @param samplerName the sampler, as {@link Samplers#create(String, long)} knows it
 * @param samplerOptions the sampler's options, from the run's {@code tuner.<sampler>.<option>} settings
 * @param prunerName the pruner, as {@link Pruners#create(String, Map)} knows it
 * @param prunerOptions the pruner's options, from the run's {@code tuner.<pruner>.<option>} settings
 * @param objective the method as an objective
 * @param storage where the study is kept, as {@link Storages#open(String)} reads it: the run's
 *     {@value #STORAGE_SETTING}, else {@code @Tune(storage)}, else {@link Storages#DEFAULT}
 */
public record StudyPlan(
        String studyName, Direction direction, int trials, long seed, String samplerName,
        Map<String, String> samplerOptions, String prunerName, Map<String, String> prunerOptions,
        MethodObjective objective, String storage) {

    /** The run setting that names the storage of every study: {@value}. */
    public static final String STORAGE_SETTING = "tuner.storage";

    /**
     * The plan of a {@code @Tune} method.
     *
     * @throws InvalidDeclarationException if the declaration or an override cannot work
     */
    public static StudyPlan of(Method method, StudyOverrides overrides) {
        return of(method.getDeclaringClass(), method, overrides);
    }

    /**
     * The plan of a {@code @Tune} method run on {@code testClass}, which declares or inherits it.
     *
     * @throws InvalidDeclarationException if the declaration or an override cannot work
     */
    public static StudyPlan of(Class<?> testClass, Method method, StudyOverrides overrides) {
        Tune tune = method.getAnnotation(Tune.class);
        String where = "@Tune method " + MethodObjective.describe(testClass, method);
        if (tune == null) {
            throw new IllegalArgumentException(where + " is not annotated with @Tune");
        }
        int trials = overrides.trials().orElse(tune.trials());
        if (trials < 1) {
            String source = overrides.trials().isPresent() ? "tuner.trials" : "@Tune(trials)";
            throw new InvalidDeclarationException(where, source + " is " + trials
                    + ", but a study needs at least 1 trial; give a positive number");
        }
        long seed = overrides.seed().orElse(tune.seed() == Tune.UNSEEDED ? Seeds.fresh() : tune.seed());
        String samplerName = overrides.sampler().filter(name -> !name.isBlank()).orElse(tune.sampler().isBlank() ? Samplers.DEFAULT : tune.sampler());
        if (!Samplers.names().contains(samplerName)) {
            throw new InvalidDeclarationException(where, "unknown sampler '" + samplerName + "'; use one of "
                    + String.join(", ", Samplers.names()));
        }
        Map<String, String> samplerOptions = options(overrides.settings(), samplerName);
        Sampler sampler;
        try {
            sampler = Samplers.create(samplerName, seed, samplerOptions);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidDeclarationException(where, invalid.getMessage());
        }
        MethodObjective objective = MethodObjective.of(testClass, method);
        boolean several = objective.directions().size() > 1;
        if (several && !sampler.samplesSeveralObjectives()) {
            String source = overrides.sampler().filter(name -> !name.isBlank()).isPresent() ? "tuner.sampler" : "@Tune(sampler)";
            throw new InvalidDeclarationException(where, source + " is '" + samplerName + "', but the method returns "
                    + objective.directions().size() + " objectives " + objective.objectiveNames() + ", and " + samplerName
                    + " models one objective value; use " + Samplers.severalObjectivesSamplers());
        }
        // a pruner compares one objective's reported values: a study of several runs without one
        String prunerName = overrides.pruner().filter(name -> !name.isBlank())
                .orElse(tune.pruner().isBlank() ? several ? "nop" : Pruners.DEFAULT : tune.pruner());
        if (!Pruners.names().contains(prunerName)) {
            String source = overrides.pruner().filter(name -> !name.isBlank()).isPresent() ? "tuner.pruner" : "@Tune(pruner)";
            throw new InvalidDeclarationException(where, source + " names the unknown pruner '" + prunerName
                    + "'; use one of " + String.join(", ", Pruners.names()));
        }
        if (several && !prunerName.equals("nop")) {
            String source = overrides.pruner().filter(name -> !name.isBlank()).isPresent() ? "tuner.pruner" : "@Tune(pruner)";
            throw new InvalidDeclarationException(where, source + " is '" + prunerName + "', but the method returns "
                    + objective.directions().size() + " objectives " + objective.objectiveNames() + ", and a pruner compares"
                    + " the values trials report for one objective; leave the pruner out (a study of several objectives"
                    + " runs without one) or set it to \"nop\", or prune on one objective in a study of its own");
        }
        Map<String, String> prunerOptions = options(overrides.settings(), prunerName);
        try {
            Pruners.create(prunerName, prunerOptions);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidDeclarationException(where, invalid.getMessage());
        }
        String storage = Optional.ofNullable(overrides.settings().get(STORAGE_SETTING))
                .filter(spec -> !spec.isBlank())
                .orElse(declaredStorage(method));
        return new StudyPlan(MethodObjective.studyName(testClass, method), objective.directions().get(0), trials, seed,
                samplerName, samplerOptions, prunerName, prunerOptions, objective, storage.strip());
    }

    /**
     * The storage a {@code @Tune} method's study is kept in when the run names none: its
     * {@code @Tune(storage)}, else {@link Storages#DEFAULT}. Files that name no storage are taken
     * to come from it.
     */
    public static String declaredStorage(Method method) {
        Tune tune = method.getAnnotation(Tune.class);
        return tune == null || tune.storage().isBlank() ? Storages.DEFAULT : tune.storage().strip();
    }

    /** This plan with the {@code nop} pruner: for running known parameters once, to the end. */
    public StudyPlan withoutPruning() {
        return new StudyPlan(studyName, direction, trials, seed, samplerName, samplerOptions, "nop", Map.of(),
                objective, storage);
    }

    /** The settings {@code tuner.<name>.<option>} of a sampler or pruner, by option name. */
    private static Map<String, String> options(Map<String, String> settings, String name) {
        String prefix = "tuner." + name + ".";
        Map<String, String> options = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                options.put(key.substring(prefix.length()), value);
            }
        });
        return Map.copyOf(options);
    }

    /**
     * The direction of each objective the method declares: one for a method returning a number (its
     * {@code @Tune(direction)}), one per objective component of a returned record.
     */
    public List<Direction> directions() {
        return objective.directions();
    }

    /** The name of each objective, in the order of {@link #directions()}: {@code value} for a method returning a number. */
    public List<String> objectiveNames() {
        return objective.objectiveNames();
    }

    /** Whether the study has several objectives, so its outputs are a Pareto set and the trial picked from it. */
    public boolean isMultiObjective() {
        return objective.directions().size() > 1;
    }

    /** A new study of this plan, kept in {@code storage}. */
    public Study newStudy(Storage storage) {
        return Study.builder(studyName)
                .directions(objective.directions().toArray(Direction[]::new))
                .objectiveNames(objective.objectiveNames().toArray(String[]::new))
                .sampler(Samplers.create(samplerName, seed, samplerOptions))
                .pruner(Pruners.create(prunerName, prunerOptions))
                .storage(storage)
                .build();
    }
}
