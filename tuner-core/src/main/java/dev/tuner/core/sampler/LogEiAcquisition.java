package dev.tuner.core.sampler;

import java.util.Arrays;

/** Log expected improvement ({@link LogEi}) under one {@link GpModel}, below an incumbent: the single-objective acquisition. */
final class LogEiAcquisition implements Acquisition {

    private static final int CHUNK = 512;

    private final GpModel model;
    private final double best;

    /** @param best the incumbent (the lowest standardized loss observed) */
    LogEiAcquisition(GpModel model, double best) {
        this.model = model;
        this.best = best;
    }

    /** Log EI at each point, in chunks so that the covariance block stays small. */
    @Override
    public double[] evaluate(double[][] points) {
        double[] score = new double[points.length];
        for (int from = 0; from < points.length; from += CHUNK) {
            int to = Math.min(points.length, from + CHUNK);
            double[][] chunk = Arrays.copyOfRange(points, from, to);
            double[] mean = new double[chunk.length];
            double[] variance = new double[chunk.length];
            model.predict(chunk, mean, variance);
            for (int q = 0; q < chunk.length; q++) {
                score[from + q] = LogEi.of(mean[q], Math.sqrt(variance[q]), best);
            }
        }
        return score;
    }

    @Override
    public double valueAndGradient(double[] point, double[] gradient) {
        int d = point.length;
        double[] meanGradient = new double[d];
        double[] varianceGradient = new double[d];
        double[] mv = model.predict(point, meanGradient, varianceGradient);
        double sd = Math.sqrt(mv[1]);
        double zScore = (best - mv[0]) / sd;
        double value = Math.log(sd) + LogEi.logH(zScore);
        double dLogH = LogEi.dLogH(zScore);
        for (int i = 0; i < d; i++) {
            double dSd = varianceGradient[i] / (2 * sd);
            double dz = -meanGradient[i] / sd - zScore * dSd / sd;
            gradient[i] = dSd / sd + dLogH * dz;
        }
        return value;
    }
}
