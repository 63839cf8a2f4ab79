package dev.tuner.core.sampler;

import java.util.Arrays;

/**
 * An acquisition computed from the posteriors of several GPs at a point: a term over the
 * objectives' models (log EHVI, or log EI for one objective), plus, for each constraint's model,
 * the log probability that the constraint holds, {@code log Φ((t - μ)/s)} with {@code t} the
 * standardized threshold 0 (Gardner et al. 2014; the probabilities multiply, as the constraints'
 * GPs are independent). Without an objective term (no feasible trial yet) it is the log
 * probability of feasibility alone, which leads the search to the feasible region first.
 *
 * <p>Its gradient in the inputs chains the models' analytic gradients with the term's partial
 * derivatives in each posterior mean and standard deviation, taken by central differences: a few
 * extra evaluations of the cheap term per step, where the models' predictions dominate.
 */
final class PosteriorAcquisition implements Acquisition {

    /** A function of the objectives' posterior means and standard deviations at one point. */
    interface Term {
        double value(double[] mean, double[] sd);
    }

    private static final int CHUNK = 512;

    private final GpModel[] models;
    private final Term term;
    private final int objectives;
    private final double[] thresholds;

    /**
     * @param models the objectives' models (the first {@code objectives}), then the constraints'
     * @param term the objectives' term, or null for feasibility alone ({@code objectives} then 0)
     * @param thresholds per constraint model, the standardized value at or below which it holds
     */
    PosteriorAcquisition(GpModel[] models, Term term, int objectives, double[] thresholds) {
        this.models = models;
        this.term = term;
        this.objectives = term == null ? 0 : objectives;
        this.thresholds = thresholds;
    }

    @Override
    public double[] evaluate(double[][] points) {
        double[] score = new double[points.length];
        int k = models.length;
        double[] mean = new double[k];
        double[] sd = new double[k];
        for (int from = 0; from < points.length; from += CHUNK) {
            int to = Math.min(points.length, from + CHUNK);
            double[][] chunk = Arrays.copyOfRange(points, from, to);
            double[][] means = new double[k][chunk.length];
            double[][] variances = new double[k][chunk.length];
            for (int g = 0; g < k; g++) {
                models[g].predict(chunk, means[g], variances[g]);
            }
            for (int q = 0; q < chunk.length; q++) {
                for (int g = 0; g < k; g++) {
                    mean[g] = means[g][q];
                    sd[g] = Math.sqrt(variances[g][q]);
                }
                score[from + q] = value(mean, sd);
            }
        }
        return score;
    }

    /** The acquisition given every model's posterior mean and standard deviation. */
    double value(double[] mean, double[] sd) {
        double value = term == null ? 0 : term.value(mean, sd);
        for (int c = 0; c < thresholds.length; c++) {
            int g = objectives + c;
            value += LogEi.logCdf((thresholds[c] - mean[g]) / sd[g]);
        }
        return value;
    }

    @Override
    public double valueAndGradient(double[] point, double[] gradient) {
        int k = models.length;
        int d = point.length;
        double[] mean = new double[k];
        double[] sd = new double[k];
        double[][] meanGradient = new double[k][d];
        double[][] varianceGradient = new double[k][d];
        for (int g = 0; g < k; g++) {
            double[] mv = models[g].predict(point, meanGradient[g], varianceGradient[g]);
            mean[g] = mv[0];
            sd[g] = Math.sqrt(mv[1]);
        }
        double value = value(mean, sd);
        Arrays.fill(gradient, 0);
        if (!Double.isFinite(value)) {
            return value;
        }
        for (int g = 0; g < k; g++) {
            double dMean = partial(mean, sd, mean, g, 1e-6);
            double dSd = partial(mean, sd, sd, g, 1e-6 * sd[g]);
            for (int i = 0; i < d; i++) {
                gradient[i] += dMean * meanGradient[g][i] + dSd * varianceGradient[g][i] / (2 * sd[g]);
            }
        }
        return value;
    }

    /** The central difference of {@link #value(double[], double[])} in {@code varied[g]}. */
    private double partial(double[] mean, double[] sd, double[] varied, int g, double step) {
        double kept = varied[g];
        varied[g] = kept + step;
        double up = value(mean, sd);
        varied[g] = kept - step;
        double down = value(mean, sd);
        varied[g] = kept;
        double slope = (up - down) / (2 * step);
        return Double.isFinite(slope) ? slope : 0;
    }
}
