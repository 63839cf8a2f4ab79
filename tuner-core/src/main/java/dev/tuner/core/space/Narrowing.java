package dev.tuner.core.space;

/**
 * Neuraxle's rule for shrinking a range around a best guess: each bound moves towards the guess,
 * {@code bound' = bound · r + guess · (1 − r)}, so the new range is {@code r} times as wide, still
 * holds the guess at the same relative position, and never leaves the old range.
 */
final class Narrowing {

    private Narrowing() {}

    static void requireRatio(double keptRatio) {
        if (!(keptRatio > 0 && keptRatio <= 1)) {
            throw new IllegalArgumentException("the kept ratio must lie in (0, 1], but it is " + keptRatio
                    + "; give the share of the range to keep, e.g. 0.5 for half");
        }
    }

    /** The checks every narrowing starts with: the ratio, then the guess. */
    static void require(Distribution distribution, double internalGuess, double keptRatio) {
        requireRatio(keptRatio);
        requireGuess(distribution, internalGuess);
    }

    private static void requireGuess(Distribution distribution, double internalGuess) {
        if (!distribution.contains(internalGuess)) {
            throw new IllegalArgumentException("the best guess " + internalGuess + " lies outside " + distribution
                    + "; narrow around a value the distribution can produce");
        }
    }

    /** The bound moved towards the guess; an infinite bound stays infinite. */
    static double towards(double bound, double guess, double keptRatio) {
        if (Double.isInfinite(bound) || keptRatio == 1) {
            return bound;
        }
        return bound * keptRatio + guess * (1 - keptRatio);
    }

    /** Whether a narrowed continuous range has no width left. */
    static boolean vanished(double min, double max) {
        return !(min < max);
    }

    /**
     * {@code [min, max]} narrowed around the guess; the result always holds the guess and lies in
     * the old range, whatever the rounding.
     */
    static double[] interval(double min, double max, double guess, double keptRatio) {
        double low = Ranges.clamp(towards(min, guess, keptRatio), min, guess);
        double high = Ranges.clamp(towards(max, guess, keptRatio), guess, max);
        return new double[] {low, high};
    }

    /** {@link #interval} in log space, for positive ranges (a zero bound stays zero). */
    static double[] logInterval(double min, double max, double guess, double keptRatio) {
        if (keptRatio == 1) {
            // exp(log(x)) need not give x back
            return new double[] {min, max};
        }
        double[] logs = interval(Math.log(min), Math.log(max), Math.log(guess), keptRatio);
        return new double[] {
            Ranges.clamp(Math.exp(logs[0]), min, guess), Ranges.clamp(Math.exp(logs[1]), guess, max)};
    }

    /** How many options a categorical keeps: {@code keptRatio · n}, rounded down or up. */
    static int keptOptions(int n, double keptRatio, boolean roundUp) {
        double kept = keptRatio * n;
        // 0.3 · 10 is 3.0000000000000004: round as if exact
        return (int) (roundUp ? Math.ceil(kept - 1e-9) : Math.floor(kept + 1e-9));
    }

    /**
     * The rule for unordered options ({@link Choice}, {@link Bool}): all {@code n} stay while the kept
     * ratio leaves room for two or more, else the guess, a {@link Fixed}; there is no "near" to keep.
     */
    static Distribution unordered(Distribution distribution, int n, double internalGuess, double keptRatio) {
        require(distribution, internalGuess, keptRatio);
        return keptOptions(n, keptRatio, false) < 2 ? Fixed.of(distribution.toExternal(internalGuess)) : distribution;
    }
}
