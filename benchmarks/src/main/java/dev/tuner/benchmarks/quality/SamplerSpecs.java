package dev.tuner.benchmarks.quality;

import dev.tuner.core.sampler.Sampler;
import dev.tuner.core.sampler.Samplers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samplers a quality run compares, each a name with options: {@code tpe}, or
 * {@code tpe+gamma=0.15+multivariate=false} (also written {@code tpe:gamma=0.15:multivariate=false}),
 * and {@code --option tpe.gamma=0.15}, which sets the option on every column of that sampler that
 * does not set it itself. Options are {@link Samplers#create(String, long, Map)}'s, so a sampler
 * merged later (gp, cmaes) takes its own without a change here. A column's canonical name is
 * {@code name+key=value+...}, options in the order given.
 */
public final class SamplerSpecs {

    private SamplerSpecs() {}

    /**
     * The canonical columns of {@code --samplers} with the {@code --option} entries applied.
     *
     * @throws IllegalArgumentException for an option that is not {@code key=value} or
     *     {@code sampler.key=value}
     */
    static List<String> expand(List<String> samplers, List<String> options) {
        List<String> columns = new ArrayList<>();
        for (String spec : samplers) {
            String name = name(spec);
            Map<String, String> own = options(spec);
            for (String option : options) {
                int dot = option.indexOf('.');
                int eq = option.indexOf('=');
                if (dot < 1 || eq < dot + 2) {
                    throw new IllegalArgumentException("--option " + option
                            + " must read sampler.key=value, e.g. tpe.gamma=0.15");
                }
                if (option.substring(0, dot).equals(name)) {
                    own.putIfAbsent(option.substring(dot + 1, eq), option.substring(eq + 1));
                }
            }
            StringBuilder column = new StringBuilder(name);
            own.forEach((key, value) -> column.append('+').append(key).append('=').append(value));
            columns.add(column.toString());
        }
        return columns;
    }

    /** The sampler's name: the spec up to its first option. */
    static String name(String spec) {
        return spec.split("[+:]", 2)[0].strip();
    }

    /** The spec's options, in order. */
    static Map<String, String> options(String spec) {
        String[] parts = spec.split("[+:]");
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("sampler option '" + parts[i] + "' of '" + spec
                        + "' needs key=value, e.g. tpe+gamma=0.15");
            }
            options.put(parts[i].substring(0, eq).strip(), parts[i].substring(eq + 1).strip());
        }
        return options;
    }

    /** A new sampler of a spec, seeded. */
    public static Sampler create(String spec, long seed) {
        return Samplers.create(name(spec), seed, options(spec));
    }
}
