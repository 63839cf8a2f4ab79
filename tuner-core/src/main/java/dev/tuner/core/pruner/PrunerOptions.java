package dev.tuner.core.pruner;

import java.util.Map;
import java.util.Set;

/**
 * A pruner's options by name, as the configuration keys {@code tuner.<pruner>.<option>} give them,
 * read with messages that name the key at fault.
 */
final class PrunerOptions {

    private final String pruner;
    private final Map<String, String> options;

    PrunerOptions(String pruner, Map<String, String> options, Set<String> known) {
        this.pruner = pruner;
        this.options = options;
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("the " + pruner + " pruner has no option '" + key + "' (tuner."
                        + pruner + "." + key + "); its options are " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    boolean has(String key) {
        return options.containsKey(key);
    }

    String text(String key) {
        return options.get(key).trim();
    }

    int integer(String key) {
        try {
            return Integer.parseInt(text(key));
        } catch (NumberFormatException notANumber) {
            throw invalid(key, "a whole number");
        }
    }

    double real(String key) {
        try {
            return Double.parseDouble(text(key));
        } catch (NumberFormatException notANumber) {
            throw invalid(key, "a number");
        }
    }

    /**
     * A whole number, or {@code auto} (returned as {@code auto}); the number that stands for
     * {@code auto} in code is refused when written as a number, so {@code 0} is not taken for {@code auto}.
     */
    int integerOrAuto(String key, int auto) {
        if (text(key).equalsIgnoreCase("auto")) {
            return auto;
        }
        int value = integer(key);
        if (value == auto) {
            throw invalid(key, "a whole number of at least 1, or auto");
        }
        return value;
    }

    IllegalArgumentException invalid(String key, String expected) {
        return new IllegalArgumentException("tuner." + pruner + "." + key + "=" + options.get(key) + " is not "
                + expected + "; give e.g. tuner." + pruner + "." + key + "=" + example(key));
    }

    private static String example(String key) {
        return switch (key) {
            case "percentile" -> "25";
            case "reductionFactor" -> "3";
            case "maxResource" -> "100";
            default -> "5";
        };
    }

    static int requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", but it is " + value);
        }
        return value;
    }
}
