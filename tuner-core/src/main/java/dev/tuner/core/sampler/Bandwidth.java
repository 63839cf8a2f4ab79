package dev.tuner.core.sampler;

/**
 * The bandwidth rule of the numeric kernels: Scott's rule for a product kernel in {@code dims}
 * dimensions, {@code scale · spread · n^(-1/(dims+4))}, where the spread is the observations'
 * standard deviation shrunk towards the prior's ({@link TpeParam#priorVariance()}) by a pseudo-count, so
 * that one observation, or several equal ones, still get a sensible width. The result is kept
 * between a small fraction of the range and the range itself.
 */
final class Bandwidth {

    private Bandwidth() {}

    static double of(TpeParam param, double[] values, double[] weights, int count, int dims, TpeSettings settings) {
        double range = param.modelHigh() - param.modelLow();
        if (count == 0) {
            return range;
        }
        // one pass: shifted sums (the range's low end as origin) keep the variance exact enough
        double origin = param.modelLow();
        double total = 0;
        double sum = 0;
        double sumSquares = 0;
        if (weights == null) {
            for (int i = 0; i < count; i++) {
                double d = values[i] - origin;
                sum += d;
                sumSquares += d * d;
            }
            total = count;
        } else {
            for (int i = 0; i < count; i++) {
                double w = weights[i];
                double d = values[i] - origin;
                total += w;
                sum += w * d;
                sumSquares += w * d * d;
            }
        }
        double squares = Math.max(0, sumSquares - sum * sum / total);
        double pseudo = settings.priorSpread();
        double spread = Math.sqrt((squares + pseudo * param.priorVariance()) / (total + pseudo));
        double sigma = settings.bandwidthScale() * spread * Math.pow(total, -1.0 / (dims + 4));
        // the magic clip keeps linear int knobs from locking onto one value; on quantized reals and
        // log ints it blurred the optimum (DistributionProblems), as it does on continuous knobs
        double clip = param.integer() && !param.log() && param.kind() == TpeParam.Kind.DISCRETE
                ? settings.magicClip() : settings.continuousClip();
        double floor = range * Math.max(settings.minBandwidth(), clip / (1 + count));
        return Math.max(floor, Math.min(range, sigma));
    }
}
