package dev.tuner.benchmarks.memory;

import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.Trial;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The knobs of the memory benchmark's study, with full names as annotated knobs have: drawn at
 * random to fill the study, and read by the worker's objective through its trial.
 */
final class Space {

    private static final String PREFIX = "com.acme.tuning.";
    private static final Distribution MODEL = Choice.of("svm", "forest");
    private static final List<Knob> SVM = List.of(
            new Knob(PREFIX + "Svm.c", LogUniform.of(1e-3, 1e3)),
            new Knob(PREFIX + "Svm.gamma", LogUniform.of(1e-6, 10)));
    private static final List<Knob> FOREST = List.of(
            new Knob(PREFIX + "Forest.trees", IntUniform.of(10, 500)),
            new Knob(PREFIX + "Forest.maxFeatures", Choice.of("sqrt", "log2")));
    private static final List<Knob> FLAT = List.of(
            new Knob(PREFIX + "Classifier.learningRate", LogUniform.of(1e-4, 1e-1)),
            new Knob(PREFIX + "Classifier.layers", IntUniform.of(1, 8)),
            new Knob(PREFIX + "Classifier.activation", Choice.of("relu", "tanh", "elu")),
            new Knob(PREFIX + "Classifier.dropout", Uniform.of(0, 1)));

    /** A knob: its full name and distribution. */
    private record Knob(String name, Distribution distribution) {}

    /** Where a drawn value goes: the storage's {@code setParam}. */
    interface Drawn {
        void accept(String knob, Distribution distribution, double internal);
    }

    final String name;

    private Space(String name) {
        this.name = name;
    }

    static Space named(String name) {
        if (!List.of("conditional", "flat").contains(name)) {
            throw new IllegalArgumentException("--space " + name + " is not one of conditional, flat");
        }
        return new Space(name);
    }

    /** Draws one trial's values at random, each knob's internal value uniform over its range. */
    void draw(SplittableRandom random, Drawn drawn) {
        List<Knob> knobs = FLAT;
        if (name.equals("conditional")) {
            int model = random.nextInt(2);
            drawn.accept(PREFIX + "Models.model", MODEL, model);
            knobs = model == 0 ? SVM : FOREST;
        }
        for (Knob knob : knobs) {
            drawn.accept(knob.name, knob.distribution, knob.distribution.toInternal(external(knob.distribution, random)));
        }
    }

    private static Object external(Distribution distribution, SplittableRandom random) {
        if (distribution instanceof Choice choice) {
            return choice.options().get(random.nextInt(choice.options().size()));
        }
        if (distribution instanceof IntUniform ints) {
            return random.nextLong(ints.min(), ints.max() + 1);
        }
        if (distribution instanceof LogUniform log) {
            return Math.exp(random.nextDouble(Math.log(log.min()), Math.log(log.max())));
        }
        Uniform uniform = (Uniform) distribution;
        return random.nextDouble(uniform.min(), uniform.max());
    }

    /** An instant objective that reads the trial's knobs as {@link #draw} drew them. */
    double evaluate(Trial trial) {
        List<Knob> knobs = FLAT;
        if (name.equals("conditional")) {
            knobs = trial.suggest(PREFIX + "Models.model", MODEL).equals("svm") ? SVM : FOREST;
        }
        double sum = 0;
        for (Knob knob : knobs) {
            Object value = trial.suggest(knob.name, knob.distribution);
            sum += value instanceof Number number ? number.doubleValue() : value.hashCode() % 3;
        }
        return sum;
    }
}
