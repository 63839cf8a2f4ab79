package dev.tuner.core.sampler;

import java.util.List;
import java.util.Map;

/** Creates samplers by the names that {@code @Tune(sampler = ...)} and {@code tuner.sampler} use. */
public final class Samplers {

    /**
     * The sampler used when none is named: {@code auto} ({@link AutoSampler}), which picks GP, CMA-ES
     * or TPE for each study by its space and budget.
     */
    public static final String DEFAULT = "auto";

    private static final List<String> NAMES = List.of("auto", "tpe", "random", "grid", "qmc", "cmaes", "gp", "nsga2");

    private Samplers() {}

    /** The names {@link #create(String, long)} knows. */
    public static List<String> names() {
        return NAMES;
    }

    /** Which samplers sample a study of several objectives, for a message that refuses another. */
    public static String severalObjectivesSamplers() {
        return SingleObjective.SEVERAL_OBJECTIVES;
    }

    /**
     * A new sampler of the given name, seeded.
     *
     * @throws IllegalArgumentException if no sampler has that name
     */
    public static Sampler create(String name, long seed) {
        return create(name, seed, Map.of());
    }

    private static int gridPoints(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!key.equals("points")) {
                throw new IllegalArgumentException("the grid sampler knows the option 'points' only, not '" + key
                        + "' (tuner.grid.points)");
            }
        }
        String points = options.getOrDefault("points", String.valueOf(GridSampler.DEFAULT_POINTS));
        try {
            return Integer.parseInt(points.trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("tuner.grid.points=" + points + " is not a whole number; give e.g. 10");
        }
    }

    /**
     * A new sampler of the given name, seeded, with options by name: the configuration keys
     * {@code tuner.<sampler>.<option>} without their prefix (for {@code tpe}, see
     * {@link TpeSampler.Builder#options(Map)}, e.g. {@code multivariate=true}; for {@code cmaes},
     * {@link CmaEsSampler.Builder#options(Map)}, e.g. {@code populationSize=16}; for {@code gp},
     * {@link GpSampler.Builder#options(Map)}; for {@code nsga2}, {@link Nsga2Sampler.Builder#options(Map)},
     * e.g. {@code populationSize=20}).
     *
     * @throws IllegalArgumentException if no sampler has that name, or it does not know an option
     */
    public static Sampler create(String name, long seed, Map<String, String> options) {
        switch (name) {
            case "random":
                if (!options.isEmpty()) {
                    throw new IllegalArgumentException("the random sampler takes no options, but got " + options.keySet());
                }
                return new RandomSampler(seed);
            case "tpe":
                return TpeSampler.builder().seed(seed).options(options).build();
            case "grid":
                return new GridSampler(seed, gridPoints(options));
            case "cmaes":
                return CmaEsSampler.builder().seed(seed).options(options).build();
            case "auto":
                return AutoSampler.create(seed, options);
            case "gp":
                return GpSampler.builder().seed(seed).options(options).build();
            case "nsga2":
                return Nsga2Sampler.builder().seed(seed).options(options).build();
            case "qmc":
                if (!options.isEmpty()) {
                    throw new IllegalArgumentException("the qmc sampler takes no options, but got " + options.keySet());
                }
                return new QmcSampler(seed);
            default:
                throw new IllegalArgumentException(
                        "unknown sampler '" + name + "'; use one of " + String.join(", ", NAMES));
        }
    }
}
