package dev.tuner.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The range and prior of one knob. Every distribution represents its values internally as a
 * {@code double} (a categorical value as the index of its option), which is what samplers see and
 * storages keep; {@link #toExternal(double)} turns it into the value the objective receives.
 *
 * <p>The family is closed, so that samplers can treat each kind by its own rule:
 * <ul>
 *   <li>continuous, each with an optional quantization step {@code q} (Hyperopt's {@code quniform},
 *       {@code qloguniform}, {@code qnormal}, {@code qlognormal}): {@link Uniform},
 *       {@link LogUniform}, {@link Normal} and {@link LogNormal}, the last two optionally clipped
 *       (truncated) to {@code [min, max]};</li>
 *   <li>discrete: {@link IntUniform} (with {@code step} and {@code log}), {@link Bool},
 *       {@link Choice}, {@link PriorityChoice} and {@link Fixed};</li>
 *   <li>anything else through the SPI: {@link CustomDistribution}, usually created by a
 *       {@link DistributionProvider} for a user's own annotation.</li>
 * </ul>
 *
 * <p>Distributions are immutable values; their factories reject invalid parameters with an
 * {@link IllegalArgumentException} that says which rule was broken and how to fix it. Their
 * {@link #toString()} is a canonical text form ({@code uniform(-10, 10, q=0.5)}), and
 * {@code dev.tuner.core.json.DistributionJson} writes and reads them as JSON.
 *
 * <pre>{@code
 * Distribution lr = LogUniform.of(1e-5, 1e-1);
 * double internal = lr.sample(rng);
 * double value = (Double) lr.toExternal(internal);
 * double logPdf = lr.logDensity(internal);
 * }</pre>
 */
public sealed interface Distribution
        permits Uniform, LogUniform, Normal, LogNormal, IntUniform, Bool, Choice, PriorityChoice, Fixed,
                CustomDistribution {

    /** Draws an internal value from this distribution's prior. */
    double sample(UniformRandomProvider rng);

    /** Whether an internal value is one this distribution can produce. */
    boolean contains(double internal);

    /** The value an objective receives for an internal value. */
    Object toExternal(double internal);

    /**
     * The internal value of an external one, as given by {@link #toExternal(double)}.
     *
     * @throws IllegalArgumentException if the value is of the wrong type or outside the range
     */
    double toInternal(Object external);

    /**
     * The log of the prior's density at an internal value: the log of the probability density for a
     * continuous distribution, the log of the probability mass for a discrete or quantized one (so
     * that {@code exp(logDensity)} integrates, or sums, to 1 over the range); {@code -∞} for a value
     * the distribution does not {@linkplain #contains contain}.
     */
    double logDensity(double internal);

    /** The smallest internal value this distribution can produce; {@code -∞} when unbounded. */
    double low();

    /** The largest internal value this distribution can produce; {@code +∞} when unbounded. */
    double high();

    /**
     * A narrower distribution around a best guess, as Neuraxle narrows its spaces: numeric ranges
     * shrink to {@code keptRatio} of their width around the guess (in log space for log-scaled ones)
     * and collapse to {@link Fixed} when nothing is left; categorical ones keep what the ratio leaves
     * room for. See each distribution for its rule; {@link SearchSpace#narrow} applies them all.
     *
     * @param internalGuess the best value found so far, as an internal value this distribution contains
     * @param keptRatio the share of the range to keep, in {@code (0, 1]}
     * @throws IllegalArgumentException if the guess lies outside or the ratio outside {@code (0, 1]}
     */
    Distribution narrow(double internalGuess, double keptRatio);
}
