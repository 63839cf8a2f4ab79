package dev.tuner.core.sampler;

import java.util.Arrays;

/**
 * The TPE sampler's options, as {@link TpeSampler.Builder} sets them; the defaults and why they
 * are what they are are in {@link TpeSampler}'s Javadoc.
 */
record TpeSettings(
        boolean multivariate,
        int startupTrials,
        int candidates,
        double gamma,
        int maxBelow,
        double priorWeight,
        double bandwidthScale,
        double priorSpread,
        double minBandwidth,
        double magicClip,
        double continuousClip,
        double categoricalClip,
        int recentWindow,
        boolean constantLiar,
        boolean hypervolumeWeights,
        Constraints constraints) {

    /** How TPE takes trials' constraint values into account. */
    enum Constraints {
        /**
         * Infeasible trials rank behind every feasible one (and behind pruned ones), among
         * themselves by total violation, so that they are good only while too few trials are
         * feasible: Optuna's rule.
         */
        RANK,
        /**
         * c-TPE (Watanabe and Hutter, IJCAI 2023): the objective's split ignores feasibility, and
         * each constraint gets its own good/bad split and density ratio, multiplied into the
         * acquisition.
         */
        CTPE
    }

    /** The settings without constraints' or several objectives' options: those take their defaults. */
    TpeSettings(boolean multivariate, int startupTrials, int candidates, double gamma, int maxBelow, double priorWeight,
            double bandwidthScale, double priorSpread, double minBandwidth, double magicClip, double continuousClip,
            double categoricalClip, int recentWindow, boolean constantLiar) {
        this(multivariate, startupTrials, candidates, gamma, maxBelow, priorWeight, bandwidthScale, priorSpread,
                minBandwidth, magicClip, continuousClip, categoricalClip, recentWindow, constantLiar, false,
                Constraints.CTPE);
    }

    /** How many of {@code n} observations form the good group: {@code ceil(gamma · n)}, at most {@code maxBelow}, at least 1. */
    int below(int n) {
        if (n == 0) {
            return 0;
        }
        return (int) Math.max(1, Math.min(maxBelow, Math.ceil(gamma * n)));
    }

    /**
     * The weight of the i-th oldest of {@code n} bad observations: the latest {@code recentWindow}
     * weigh 1, older ones ramp linearly down to 1/n, so that g follows where the search is now.
     */
    double badWeight(int i, int n) {
        if (recentWindow <= 0 || n <= recentWindow) {
            return 1;
        }
        int ramp = n - recentWindow;
        if (i >= ramp) {
            return 1;
        }
        return ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
    }

    /**
     * Writes {@link #badWeight(int, int) badWeight(i, n)} into {@code into[i]} for every i below
     * n: a multiply-add each instead of a division, which cost a fifth of a univariate proposal
     * with 10,000 trials.
     */
    void badWeights(double[] into, int n) {
        int ramp = recentWindow <= 0 || n <= recentWindow ? 0 : n - recentWindow;
        Arrays.fill(into, ramp, n, 1);
        if (ramp == 1) {
            into[0] = 1.0 / n;
        } else if (ramp > 1) {
            double first = 1.0 / n;
            double slope = (1 - first) / (ramp - 1);
            for (int i = 0; i < ramp; i++) {
                into[i] = first + slope * i;
            }
        }
    }

    /**
     * The share of a categorical kernel spread evenly over all options, for an estimator of
     * {@code count} observations: {@code categoricalClip / (1 + count)}, at most 1 — like the magic
     * clip, the few good trials get broad kernels and the many bad ones sharp kernels, so l/g
     * favours options near good trials that the search has not tried much.
     */
    double categoricalBandwidth(int count) {
        return Math.min(1, categoricalClip / (1 + count));
    }
}
