package dev.tuner.core.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * An integer from {@code min, min + step, ..., max}, both bounds inclusive, each equally likely
 * (Hyperopt's {@code randint}, Optuna's {@code IntDistribution}); or, with {@code log}, spread
 * evenly on the log scale. Its internal value is the integer; its external value a {@link Long}.
 *
 * <pre>{@code
 * IntUniform layers = IntUniform.of(1, 8);                    // intuniform(1, 8)
 * IntUniform even = IntUniform.of(0, 10).withStep(2);         // 0, 2, 4, 6, 8, 10
 * IntUniform units = IntUniform.of(1, 1024).onLogScale();     // 1..1024, small ones likelier
 * }</pre>
 *
 * <p>On the log scale, {@code P(k)} is proportional to {@code log(k + ½) − log(k − ½)}: the
 * log-uniform mass that rounds to {@code k}, as Optuna draws it. That needs {@code min ≥ 1} and
 * {@code step = 1} (Optuna rejects a step with log too).
 *
 * <p>Narrowing shrinks the range around the guess to {@code keptRatio} of its width (of its
 * log-width on the log scale), keeping the grid of {@code step}, and collapses to {@link Fixed}
 * when one value is left.
 *
 * @param min lower bound, inclusive; less than {@code max} and at least -2<sup>53</sup>
 * @param max upper bound, inclusive; at most 2<sup>53</sup>, so that every value is exact as an
 *     internal {@code double}; {@code max − min} a multiple of {@code step}
 * @param step the distance between neighbouring values; at least 1
 * @param log whether values spread evenly on the log scale; needs {@code min ≥ 1}, {@code step = 1}
 */
public record IntUniform(long min, long max, long step, boolean log) implements Distribution {

    /** The widest range whose every integer a {@code double} represents exactly. */
    static final long MAX_SPAN = 1L << 53;

    public IntUniform {
        if (min >= max) {
            throw new IllegalArgumentException(
                    "min (" + min + ") must be less than max (" + max + "); swap or widen the bounds");
        }
        // not Math.abs: Math.abs(Long.MIN_VALUE) is negative and would pass
        if (min < -MAX_SPAN || max > MAX_SPAN) {
            throw new IllegalArgumentException(
                    "integer bounds must lie within ±2^53 so that every value is exact, but the range is "
                            + min + ".." + max + "; narrow the range");
        }
        if (step < 1) {
            throw new IllegalArgumentException("step must be at least 1, but it is " + step + "; give a positive step");
        }
        if ((max - min) % step != 0) {
            long largestMax = min + (max - min) / step * step;
            throw new IllegalArgumentException("max - min (" + (max - min) + ") must be a multiple of step (" + step
                    + ") so that max is reachable from min; use max = " + largestMax + ", or a step that divides "
                    + (max - min));
        }
        if (log && min < 1) {
            throw new IllegalArgumentException("a log-scaled integer range must start at 1 or above, but min is " + min
                    + "; use min >= 1, or a linear scale for ranges that include 0 or negatives");
        }
        if (log && step != 1) {
            throw new IllegalArgumentException("a log-scaled integer range cannot have a step (" + step
                    + "), as in Optuna; drop the step or the log scale");
        }
    }

    /** A uniform distribution on the integers {@code min..max}. */
    public static IntUniform of(long min, long max) {
        return new IntUniform(min, max, 1, false);
    }

    /** This range with the values {@code min, min + step, ..., max}. */
    public IntUniform withStep(long step) {
        return new IntUniform(min, max, step, log);
    }

    /** This range spread evenly on the log scale. */
    public IntUniform onLogScale() {
        return new IntUniform(min, max, step, true);
    }

    /** How many values the range holds. */
    public long size() {
        return (max - min) / step + 1;
    }

    /** {@code log(max + ½) − log(min − ½)}: the log-width that the log scale draws from. */
    private double logWidth() {
        return Math.log(max + 0.5) - Math.log(min - 0.5);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        if (log) {
            double x = Math.exp(Math.log(min - 0.5) + rng.nextDouble() * logWidth());
            return Ranges.clamp(Math.rint(x), min, max);
        }
        return min + step * rng.nextLong(size());
    }

    @Override
    public boolean contains(double internal) {
        return internal >= min && internal <= max && internal == Math.rint(internal)
                && ((long) internal - min) % step == 0;
    }

    @Override
    public Object toExternal(double internal) {
        return (long) internal;
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Integer || external instanceof Long
                || external instanceof Short || external instanceof Byte)) {
            throw new IllegalArgumentException(
                    external + " is not an integer value of " + this + "; give an int or a long");
        }
        // compare as long: beyond 2^53 a double would round a value outside the range into it
        long value = ((Number) external).longValue();
        if (value < min || value > max || (value - min) % step != 0) {
            throw new IllegalArgumentException(value + " lies outside " + this);
        }
        return value;
    }

    @Override
    public double logDensity(double internal) {
        if (!contains(internal)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (log) {
            return Math.log(Math.log1p(1 / (internal - 0.5))) - Math.log(logWidth());
        }
        return -Math.log(size());
    }

    @Override
    public double low() {
        return min;
    }

    @Override
    public double high() {
        return max;
    }

    @Override
    public Distribution narrow(double internalGuess, double keptRatio) {
        Narrowing.require(this, internalGuess, keptRatio);
        double[] range = log
                ? Narrowing.logInterval(min, max, internalGuess, keptRatio)
                : Narrowing.interval(min, max, internalGuess, keptRatio);
        // onto the grid, inwards: the guess is on it, so it stays inside
        long low = min + (long) Math.ceil((range[0] - min) / step) * step;
        long high = min + (long) Math.floor((range[1] - min) / step) * step;
        if (low >= high) {
            return Fixed.of((long) internalGuess);
        }
        return new IntUniform(low, high, step, log);
    }

    /** {@code intuniform(1, 8)}, {@code intuniform(0, 10, step=2)} or {@code intuniform(1, 1024, log)}. */
    @Override
    public String toString() {
        return "intuniform(" + min + ", " + max + (step != 1 ? ", step=" + step : "") + (log ? ", log" : "") + ")";
    }
}
