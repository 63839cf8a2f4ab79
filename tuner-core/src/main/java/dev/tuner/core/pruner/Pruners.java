package dev.tuner.core.pruner;

import java.util.List;
import java.util.Map;

/**
 * Creates pruners by the names that {@code @Tune(pruner = ...)} and {@code tuner.pruner} use, with
 * the options that the keys {@code tuner.<pruner>.<option>} give.
 *
 * <pre>{@code
 * Pruner hyperband = Pruners.create("hyperband", Map.of("maxResource", "100"));
 * Pruner median = Pruners.create("median", Map.of("warmupSteps", "5"));
 * }</pre>
 */
public final class Pruners {

    /**
     * The pruner used when none is named: {@code median}, which prunes only after 5 trials completed
     * and only what is worse than their median, so it rarely stops a trial that would have been the
     * best. Measurements: {@code benchmarks/README.md}, section "Measurements", "pruners".
     */
    public static final String DEFAULT = "median";

    private static final List<String> NAMES = List.of("nop", "median", "percentile", "sh", "hyperband");

    private Pruners() {}

    /** The names {@link #create} knows: {@code nop}, {@code median}, {@code percentile}, {@code sh}, {@code hyperband}. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * A new pruner of the given name with options by name: {@code nop} ({@link NopPruner}, no
     * options), {@code median} ({@link MedianPruner}), {@code percentile} ({@link PercentilePruner};
     * {@code percentile} defaults to 25 here), {@code sh} ({@link SuccessiveHalvingPruner}) and
     * {@code hyperband} ({@link HyperbandPruner}); each class's Javadoc lists its options.
     *
     * @throws IllegalArgumentException if no pruner has that name, or it does not know an option or value
     */
    public static Pruner create(String name, Map<String, String> options) {
        switch (name) {
            case "nop":
                if (!options.isEmpty()) {
                    throw new IllegalArgumentException("the nop pruner takes no options, but got " + options.keySet());
                }
                return new NopPruner();
            case "median":
                return MedianPruner.builder().options(options).build();
            case "percentile":
                return PercentilePruner.builder(25).options(options).build();
            case "sh":
                return SuccessiveHalvingPruner.builder().options(options).build();
            case "hyperband":
                return HyperbandPruner.builder().options(options).build();
            default:
                throw new IllegalArgumentException("unknown pruner '" + name + "'; use one of " + String.join(", ", NAMES));
        }
    }
}
