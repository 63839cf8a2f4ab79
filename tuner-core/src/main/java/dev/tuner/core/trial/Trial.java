package dev.tuner.core.trial;

import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Scale;
import dev.tuner.core.space.Uniform;
import java.util.List;
import java.util.Map;

/**
 * A trial being evaluated: it hands out knob values, drawing each from the study's sampler the
 * first time it is asked for and returning the same value afterwards (define-by-run).
 *
 * <pre>{@code
 * Trial trial = study.ask();
 * double lr = trial.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG);
 * int layers = trial.suggestInt("layers", 1, 8);
 * String act = trial.suggestCategorical("act", List.of("relu", "tanh"));
 * int units = trial.suggestInt("units", 16, 512, Scale.LOG);
 * double dropout = trial.suggestFloat("dropout", 0, 0.5, 0.05);
 * study.tell(trial, train(lr, layers, act));
 * }</pre>
 *
 * <p>Threads the objective starts may read knobs too: each knob is drawn once. Asking for a knob
 * again with a different distribution is an error.
 *
 * <p>A study hands out its trials ({@code study.ask()}); the {@code suggest} methods all come down
 * to {@link #suggest(String, Distribution)}.
 *
 * <p>A long objective reports how it is doing as it goes, so that the study's pruner can stop a
 * hopeless trial early:
 *
 * <pre>{@code
 * for (int epoch = 0; epoch < 50; epoch++) {
 *     trial.report(epoch, model.trainEpoch());   // e.g. the validation accuracy after this epoch
 *     if (trial.shouldPrune()) {
 *         throw new TrialPruned();                // the trial ends PRUNED, keeping its last value
 *     }
 * }
 * return model.validationAccuracy();
 * }</pre>
 */
public interface Trial {

    /** This trial's number in its study, from 0. */
    int number();

    /** A real knob uniform on {@code [low, high]}. */
    default double suggestFloat(String name, double low, double high) {
        return suggestFloat(name, low, high, Scale.LINEAR);
    }

    /** A real knob on {@code [low, high]}, uniform on the given scale. */
    default double suggestFloat(String name, double low, double high, Scale scale) {
        Distribution distribution = scale == Scale.LOG ? LogUniform.of(low, high) : Uniform.of(low, high);
        return (Double) suggest(name, distribution);
    }

    /**
     * A real knob on {@code [low, high]} quantized to the multiples of {@code step}, as Optuna's
     * {@code suggest_float(name, low, high, step=step)}: {@code low, low + step, ..., high}.
     *
     * @throws IllegalArgumentException if {@code low} is not a multiple of {@code step} (the grid
     *     would not start at {@code low}, as Optuna's does), or the range is invalid
     */
    default double suggestFloat(String name, double low, double high, double step) {
        Uniform uniform = Uniform.of(low, high).quantized(step);
        if (uniform.low() != low && Math.abs(uniform.low() - low) > 1e-9 * step) {
            throw new IllegalArgumentException("low (" + low + ") of knob '" + name + "' must be a multiple of step ("
                    + step + ") so that the values are low, low + step, ...; shift the range, e.g. low = "
                    + uniform.low());
        }
        return (Double) suggest(name, uniform);
    }

    /** An integer knob uniform on {@code low..high}, both inclusive. */
    default int suggestInt(String name, int low, int high) {
        return suggestInt(name, low, high, 1, Scale.LINEAR);
    }

    /**
     * An integer knob uniform on {@code low, low + step, ..., high}, as Optuna's
     * {@code suggest_int(name, low, high, step=step)}.
     *
     * @throws IllegalArgumentException if {@code high - low} is not a multiple of {@code step}
     */
    default int suggestInt(String name, int low, int high, int step) {
        return suggestInt(name, low, high, step, Scale.LINEAR);
    }

    /**
     * An integer knob on {@code low..high}, uniform on the given scale, as Optuna's
     * {@code suggest_int(name, low, high, log=True)} for {@link Scale#LOG} ({@code low ≥ 1}).
     */
    default int suggestInt(String name, int low, int high, Scale scale) {
        return suggestInt(name, low, high, 1, scale);
    }

    /**
     * An integer knob on {@code low, low + step, ..., high}, uniform on the given scale, as Optuna's
     * {@code suggest_int(name, low, high, step, log)}; a step other than 1 needs the linear scale.
     *
     * @throws IllegalArgumentException if the range, step or scale is invalid, as {@link IntUniform} says
     */
    default int suggestInt(String name, int low, int high, int step, Scale scale) {
        IntUniform distribution = IntUniform.of(low, high).withStep(step);
        return Math.toIntExact((Long) suggest(name, scale == Scale.LOG ? distribution.onLogScale() : distribution));
    }

    /** A categorical knob: one of {@code options}. */
    @SuppressWarnings("unchecked")
    default <T> T suggestCategorical(String name, List<T> options) {
        return (T) suggest(name, Choice.of(options));
    }

    /**
     * The value of the knob {@code name} drawn from {@code distribution}: sampled on first use,
     * the same value afterwards.
     *
     * <p>Safe to call from the threads an objective starts: the first read of a knob draws it
     * once, and every thread sees that value.
     *
     * @throws IllegalArgumentException if the knob was suggested before with another distribution
     */
    Object suggest(String name, Distribution distribution);

    /**
     * Records how the objective is doing at {@code step} (an epoch, an iteration, a number of
     * examples seen): the study's pruner compares these values across trials. The value is on the
     * objective's own scale and direction, e.g. the validation accuracy when the study maximizes
     * accuracy. Reporting a step again replaces its value.
     *
     * @param step the step, at least 0; steps need not be consecutive
     * @param value the value; NaN (a diverged model) makes the pruners stop the trial
     * @throws IllegalArgumentException if the step is negative
     */
    void report(int step, double value);

    /**
     * Whether the study's pruner says this trial should stop now, judging by the values it reported
     * so far and those of the other trials. On {@code true}, stop: throw {@link TrialPruned}, or
     * return; a trial that returns after {@code true} without reporting again ends
     * {@link TrialState#PRUNED} as well, whatever it returns.
     */
    boolean shouldPrune();

    /**
     * Records a constraint of this trial: the trial is feasible when every constraint value is at
     * most 0, as in Optuna ({@code latencyMs - 20} for "latency at most 20 ms"). Usable with one
     * objective or several; recording a name again replaces its value. The study keeps the values
     * with the trial when it is told, and picks its best trials among the feasible ones
     * ({@code Study.bestTrial()}, {@code Study.bestTrials()}).
     *
     * <pre>{@code
     * double latencyMs = model.measureLatencyMs();
     * trial.constrain("latency", latencyMs - 20);   // feasible when under 20 ms
     * return model.accuracy();
     * }</pre>
     *
     * @throws IllegalArgumentException if the name is blank or the value is NaN
     * @throws UnsupportedOperationException if this trial keeps no constraints (a {@code Trial} of
     *     the caller's own making that does not override this method)
     */
    default void constrain(String name, double value) {
        throw new UnsupportedOperationException("trial #" + number() + " (a " + getClass().getName()
                + ") keeps no constraints; record constraints on a trial a study started (study.ask(), optimize)");
    }

    /** The knob values handed out so far, keyed by name, in the order they were first asked for. */
    Map<String, Object> params();
}
