package dev.tuner.core.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One of a fixed list of options, each equally likely a priori. Its internal value is the index
 * of the option; its external value is the option itself.
 *
 * @param options the options; non-empty, without nulls or duplicates
 */
public record Choice(List<Object> options) implements Distribution {

    public Choice {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("a choice needs at least one option; list the options to choose from");
        }
        // immutable lists throw on contains(null), so look for a null by hand
        if (options.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a choice cannot hold null, but its options are " + options);
        }
        if (new HashSet<>(options).size() != options.size()) {
            throw new IllegalArgumentException(
                    "the options of a choice must be distinct, but they are " + options + "; remove the duplicates");
        }
        options = List.copyOf(options);
    }

    /** A choice between the given options, in that order. */
    public static Choice of(Object... options) {
        return new Choice(Arrays.asList(options));
    }

    /** A choice between the given options, in that order. */
    public static Choice of(List<?> options) {
        return new Choice(new ArrayList<>(options));
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return rng.nextInt(options.size());
    }

    @Override
    public boolean contains(double internal) {
        return internal >= 0 && internal < options.size() && internal == Math.rint(internal);
    }

    @Override
    public Object toExternal(double internal) {
        if (!contains(internal)) {
            throw new IllegalArgumentException(internal + " is not an option index of " + this);
        }
        return options.get((int) internal);
    }

    @Override
    public double toInternal(Object external) {
        // immutable lists throw on indexOf(null)
        int index = external == null ? -1 : options.indexOf(external);
        if (index < 0) {
            throw new IllegalArgumentException(external + " is not one of the options " + options);
        }
        return index;
    }
}
