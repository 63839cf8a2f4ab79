package dev.tuner.core.optuna;

import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.CustomDistribution;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Each Tuner distribution's nearest Optuna one, and back; {@code docs/coming-from-optuna.md} lists
 * the mapping. Every mapping keeps the internal value as it is (a real or an integer itself, a
 * choice's index), except that a {@link Fixed} read from Optuna's single-valued range has the
 * internal value 0.
 */
final class DistributionMapping {

    /** How far around its mean a normal's range reaches in Optuna when it is not clipped, in standard deviations. */
    static final double UNCLIPPED_REACH = 3;

    private DistributionMapping() {}

    /**
     * The Optuna distribution that {@code distribution} of {@code knob} is written as.
     *
     * @param drawn the internal values the study's trials drew from it, which a range that Optuna
     *     needs and Tuner lacks (an unclipped normal's) must hold
     * @throws IllegalArgumentException for a custom distribution without a finite range
     */
    static OptunaDistribution toOptuna(String knob, Distribution distribution, double[] drawn) {
        if (distribution instanceof Uniform uniform) {
            return OptunaDistribution.floating(uniform.low(), uniform.high(), false,
                    uniform.isQuantized() ? uniform.q() : Double.NaN);
        }
        if (distribution instanceof LogUniform logUniform) {
            return OptunaDistribution.floating(logUniform.low(), logUniform.high(), true, Double.NaN);
        }
        if (distribution instanceof IntUniform integer) {
            return OptunaDistribution.integer(integer.min(), integer.max(), integer.log(), integer.step());
        }
        if (distribution instanceof Normal normal) {
            double low = Double.isFinite(normal.min()) ? normal.min()
                    : Math.min(normal.mean() - UNCLIPPED_REACH * normal.sd(), min(drawn));
            double high = Double.isFinite(normal.max()) ? normal.max()
                    : Math.max(normal.mean() + UNCLIPPED_REACH * normal.sd(), max(drawn));
            return OptunaDistribution.floating(low, high, false, Double.NaN);
        }
        if (distribution instanceof LogNormal logNormal) {
            double high = Double.isFinite(logNormal.max()) ? logNormal.max()
                    : Math.max(Math.exp(logNormal.mean() + UNCLIPPED_REACH * logNormal.sd()), max(drawn));
            if (min(drawn) <= 0) {
                // a quantized log-normal reaches 0, which no log scale holds
                return OptunaDistribution.floating(0, high, false, Double.NaN);
            }
            double low = logNormal.min() > 0 ? logNormal.min()
                    : Math.min(Math.exp(logNormal.mean() - UNCLIPPED_REACH * logNormal.sd()), min(drawn));
            return OptunaDistribution.floating(low, high, true, Double.NaN);
        }
        if (distribution instanceof Bool) {
            return OptunaDistribution.categorical(List.of(false, true));
        }
        if (distribution instanceof Choice choice) {
            return OptunaDistribution.categorical(choices(knob, choice.options()));
        }
        if (distribution instanceof PriorityChoice choice) {
            return OptunaDistribution.categorical(choices(knob, choice.options()));
        }
        if (distribution instanceof Fixed fixed) {
            return OptunaDistribution.categorical(choices(knob, List.of(fixed.value())));
        }
        CustomDistribution custom = (CustomDistribution) distribution;
        if (!Double.isFinite(custom.low()) || !Double.isFinite(custom.high()) || custom.low() >= custom.high()) {
            throw new IllegalArgumentException("knob '" + knob + "' has the custom distribution " + custom + " ("
                    + custom.getClass().getName() + "), whose internal values span [" + custom.low() + ", "
                    + custom.high() + "]: Optuna has no counterpart, and a custom distribution is exported as a"
                    + " FloatDistribution over its internal values, which needs a finite range; give it finite"
                    + " low() and high(), or export a study without this knob");
        }
        return OptunaDistribution.floating(custom.low(), custom.high(), false, Double.NaN);
    }

    /**
     * The Tuner distribution nearest to an Optuna one, for trials that Optuna wrote.
     *
     * @throws IllegalArgumentException if Tuner cannot hold its values (a {@code None} choice)
     */
    static Distribution toTuner(String knob, OptunaDistribution optuna) {
        switch (optuna.kind()) {
            case FLOAT -> {
                if (optuna.low() == optuna.high()) {
                    return Fixed.of(optuna.low());
                }
                if (optuna.log()) {
                    return LogUniform.of(optuna.low(), optuna.high());
                }
                double step = optuna.step();
                boolean onMultiples = !Double.isNaN(step) && Math.abs(optuna.low() / step - Math.rint(optuna.low() / step)) < 1e-9;
                return onMultiples ? Uniform.of(optuna.low(), optuna.high()).quantized(step) : Uniform.of(optuna.low(), optuna.high());
            }
            case INT -> {
                if (optuna.low() == optuna.high()) {
                    return Fixed.of((long) optuna.low());
                }
                return new IntUniform((long) optuna.low(), (long) optuna.high(), (long) optuna.step(), optuna.log());
            }
            default -> {
                if (optuna.choices().contains(null)) {
                    throw new IllegalArgumentException("parameter '" + knob + "' has the choice None among "
                            + optuna.choices() + ", which a Tuner knob cannot hold; give the choice a name"
                            + " (e.g. \"none\") in the Optuna study, or leave the parameter out");
                }
                return Choice.of(optuna.choices());
            }
        }
    }

    /** The internal value in Tuner of an Optuna internal value, once both distributions are known. */
    static double toTunerInternal(Distribution tuner, double optunaInternal) {
        return tuner instanceof Fixed ? 0 : optunaInternal;
    }

    /**
     * Options as Optuna's choices, which are JSON scalars: an enum constant by its name, a class (a
     * sealed type's branch) by its simple name, or its binary name when two options share one.
     */
    private static List<Object> choices(String knob, List<Object> options) {
        Set<String> simpleNames = new HashSet<>();
        boolean simple = options.stream().filter(Class.class::isInstance)
                .allMatch(option -> simpleNames.add(((Class<?>) option).getSimpleName()));
        List<Object> choices = new ArrayList<>();
        for (Object option : options) {
            if (option instanceof Enum<?> constant) {
                choices.add(constant.name());
            } else if (option instanceof Class<?> branch) {
                choices.add(simple ? branch.getSimpleName() : branch.getName());
            } else if (option instanceof Float real) {
                choices.add(real.doubleValue());
            } else if (option instanceof Number || option instanceof Boolean || option instanceof String) {
                choices.add(option);
            } else {
                choices.add(option.toString());
            }
        }
        if (new HashSet<>(choices).size() != choices.size()) {
            throw new IllegalArgumentException("the options " + options + " of knob '" + knob + "' read " + choices
                    + " as Optuna's choices, which must be distinct; give the options distinct names");
        }
        return choices;
    }

    private static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
        }
        return min;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
