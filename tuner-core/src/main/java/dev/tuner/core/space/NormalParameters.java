package dev.tuner.core.space;

import java.util.Objects;

/**
 * The five parameters of {@link Normal} and {@link LogNormal}, and what the two do alike with them:
 * check them, compare them and write them out. For a log-normal, {@code mean} and
 * {@code sd} are those of {@code log x}; the rules each parameter must follow are on the two classes.
 *
 * @param mean the mean of the unclipped normal
 * @param sd its standard deviation
 * @param min the lower clip bound
 * @param max the upper clip bound
 * @param q the quantization step; NaN for none
 */
record NormalParameters(double mean, double sd, double min, double max, double q) {

    /**
     * The parameters, checked (a finite mean, a positive finite sd, ordered bounds) and with
     * {@code -0.0} made {@code 0.0}, so that equal distributions are equal.
     *
     * @param meanName what the mean is called in an error message
     */
    static NormalParameters of(String meanName, double mean, double sd, double min, double max, double q) {
        Ranges.requireFinite(meanName, mean);
        Ranges.requirePositiveSd(sd);
        Ranges.requireOrdered(min, max);
        return new NormalParameters(Ranges.normalize(mean), sd, Ranges.normalize(min), Ranges.normalize(max), q);
    }

    /** The multiples of {@code q} in {@code [min, max]}. */
    Quantization quantization() {
        return Quantization.of(q, min, max);
    }

    /** Whether narrowing by {@code keptRatio} onto {@code range} leaves fewer than two values, or no spread. */
    boolean vanishes(double[] range, double keptRatio) {
        return !(sd * keptRatio > 0) || Reals.vanishes(range, q);
    }

    /** As {@code Objects.hash} of the five, which the distributions have always given. */
    @Override
    public int hashCode() {
        return Objects.hash(mean, sd, min, max, q);
    }

    /**
     * {@code name(mean, sd)}, with {@code min=} when it is not {@code defaultMin}, {@code max=} when
     * finite, and {@code q=}.
     */
    String text(String name, double defaultMin) {
        String bounds = "";
        if (min != defaultMin) {
            bounds += ", min=" + Texts.number(min);
        }
        if (max != Double.POSITIVE_INFINITY) {
            bounds += ", max=" + Texts.number(max);
        }
        return name + "(" + Texts.number(mean) + ", " + Texts.number(sd) + bounds + quantization().text() + ")";
    }
}
