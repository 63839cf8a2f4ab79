package dev.tuner.core.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One of a fixed list of options, each equally likely a priori. Its internal value is the index
 * of the option; its external value is the option itself.
 *
 * <pre>{@code
 * Choice activation = Choice.of("relu", "tanh", "elu");
 * Choice algorithm = Choice.of(List.of(Algorithm.values()));   // enum constants
 * Choice model = Choice.of(Svm.class, Forest.class);           // the branches of a sealed type
 * }</pre>
 *
 * <p>Options are strings, numbers, booleans, enum constants or {@link Class} objects, so that
 * their text and JSON forms name them again. Narrowing keeps all options while the kept ratio
 * leaves room for two or more ({@code keptRatio · n ≥ 2}) and collapses to the guess, a
 * {@link Fixed}, otherwise: the options are unordered, so there is no "near" to keep. Use
 * {@link PriorityChoice} when order matters.
 *
 * @param options the options; non-empty, without nulls or duplicates
 */
public record Choice(List<Object> options) implements Distribution {

    public Choice {
        options = Options.copyOf("choice", options);
    }

    /** A choice between the given options, in that order. */
    public static Choice of(Object... options) {
        return new Choice(Arrays.asList(options));
    }

    /** A choice between the given options, in that order. */
    public static Choice of(List<?> options) {
        return new Choice(new ArrayList<Object>(options));
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return rng.nextInt(options.size());
    }

    @Override
    public boolean contains(double internal) {
        return Options.isIndex(options, internal);
    }

    @Override
    public Object toExternal(double internal) {
        return Options.option(this, options, internal);
    }

    @Override
    public double toInternal(Object external) {
        return Options.index(options, external);
    }

    @Override
    public double logDensity(double internal) {
        return Options.logDensity(options, internal);
    }

    @Override
    public double low() {
        return 0;
    }

    @Override
    public double high() {
        return options.size() - 1;
    }

    @Override
    public Distribution narrow(double internalGuess, double keptRatio) {
        return Narrowing.unordered(this, options.size(), internalGuess, keptRatio);
    }

    /** {@code choice("relu", "tanh")}: strings quoted, enum constants as {@code Type.NAME}. */
    @Override
    public String toString() {
        return "choice(" + Texts.options(options) + ")";
    }
}
