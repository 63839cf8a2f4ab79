package dev.tuner.core.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A {@link Choice} whose order matters: the options come in order of preference, and narrowing
 * keeps the best ones. As a prior every option is equally likely; its internal value is the index
 * of the option.
 *
 * <pre>{@code
 * PriorityChoice optimizer = PriorityChoice.of("adam", "sgd", "rmsprop", "adagrad");
 * optimizer.narrow(optimizer.toInternal("rmsprop"), 0.5);   // prioritychoice("rmsprop", "adam")
 * }</pre>
 *
 * <p>Narrowing, as Neuraxle's {@code PriorityChoice}: the guess moves to the front, the others keep
 * their order, and the first {@code ceil(keptRatio · n)} options stay; when that is one, the result
 * is the guess, a {@link Fixed}.
 *
 * @param options the options, most preferred first; non-empty, without nulls or duplicates
 */
public record PriorityChoice(List<Object> options) implements Distribution {

    public PriorityChoice {
        options = Options.copyOf("priority choice", options);
    }

    /** A priority choice between the given options, most preferred first. */
    public static PriorityChoice of(Object... options) {
        return new PriorityChoice(Arrays.asList(options));
    }

    /** A priority choice between the given options, most preferred first. */
    public static PriorityChoice of(List<?> options) {
        return new PriorityChoice(new ArrayList<Object>(options));
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
        Narrowing.require(this, internalGuess, keptRatio);
        Object guess = toExternal(internalGuess);
        int kept = Math.max(1, Narrowing.keptOptions(options.size(), keptRatio, true));
        if (kept == 1) {
            return Fixed.of(guess);
        }
        List<Object> reordered = new ArrayList<>(options.size());
        reordered.add(guess);
        options.stream().filter(option -> !option.equals(guess)).forEach(reordered::add);
        return new PriorityChoice(reordered.subList(0, kept));
    }

    /** {@code prioritychoice("adam", "sgd")}: strings quoted, enum constants as {@code Type.NAME}. */
    @Override
    public String toString() {
        return "prioritychoice(" + Texts.options(options) + ")";
    }
}
