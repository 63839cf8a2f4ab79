package dev.tuner.core.sampler;

import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import java.util.OptionalDouble;

/**
 * Maps a point {@code u} of [0, 1) to an internal value of a distribution, evenly: the uniform
 * ones by their scale, the discrete ones by cells of equal width. Distributions without such a map
 * here (normal, log-normal, custom) give empty, and the samplers draw them from their prior.
 */
final class UnitMapping {

    private UnitMapping() {}

    static OptionalDouble fromUnit(Distribution distribution, double u) {
        if (distribution instanceof Uniform d) {
            return OptionalDouble.of(d.isQuantized()
                    ? multiple(d.low(), d.high(), d.q(), u)
                    : clamp(d.min() + u * (d.max() - d.min()), d.min(), d.max()));
        }
        if (distribution instanceof LogUniform d && !d.isQuantized()) {
            double log = Math.log(d.min()) + u * (Math.log(d.max()) - Math.log(d.min()));
            return OptionalDouble.of(clamp(Math.exp(log), d.min(), d.max()));
        }
        if (distribution instanceof IntUniform d) {
            if (d.log()) {
                double low = Math.log(d.min() - 0.5);
                double value = Math.rint(Math.exp(low + u * (Math.log(d.max() + 0.5) - low)));
                return OptionalDouble.of(clamp(value, d.min(), d.max()));
            }
            return OptionalDouble.of(cell(d.min(), d.max(), d.step(), u));
        }
        int options = options(distribution);
        if (options > 0) {
            return OptionalDouble.of(Math.min(options - 1, Math.floor(u * options)));
        }
        return OptionalDouble.empty();
    }

    /** The number of options of a categorical distribution (1 for {@link Fixed}), else 0. */
    static int options(Distribution distribution) {
        if (distribution instanceof Choice d) {
            return d.options().size();
        }
        if (distribution instanceof PriorityChoice d) {
            return d.options().size();
        }
        if (distribution instanceof Bool) {
            return 2;
        }
        return distribution instanceof Fixed ? 1 : 0;
    }

    /** One of {@code low, low + step, ..., high}, by the cell of [0, 1) that {@code u} falls in. */
    private static double cell(double low, double high, double step, double u) {
        long cells = Math.round((high - low) / step) + 1;
        long index = Math.min(cells - 1, (long) Math.floor(u * cells));
        return clamp(low + index * step, low, high);
    }

    /** One of the multiples of {@code q} from {@code low} to {@code high}, computed as the quantizer does. */
    private static double multiple(double low, double high, double q, double u) {
        long first = Math.round(low / q);
        long cells = Math.round(high / q) - first + 1;
        long index = Math.min(cells - 1, (long) Math.floor(u * cells));
        return (first + index) * q;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
