package dev.tuner.core.space;

import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The reference a truncated normal's draws are tested against: commons-math3's normal restricted to
 * {@code [a, b]}, its CDF {@code (Φ(x) − Φ(a)) / (Φ(b) − Φ(a))} computed here, independently of
 * the code under test.
 */
@SuppressWarnings("deprecation") // commons-math3 still asks for the deprecated support-bound methods
final class TruncatedNormalReference extends AbstractRealDistribution {

    private static final long serialVersionUID = 1L;

    private final NormalDistribution normal;
    private final double a;
    private final double b;

    TruncatedNormalReference(double mean, double sd, double a, double b) {
        super(null);
        this.normal = new NormalDistribution(null, mean, sd);
        this.a = a;
        this.b = b;
    }

    @Override
    public double cumulativeProbability(double x) {
        if (x <= a) {
            return 0;
        }
        if (x >= b) {
            return 1;
        }
        double low = normal.cumulativeProbability(a);
        return (normal.cumulativeProbability(x) - low) / (normal.cumulativeProbability(b) - low);
    }

    @Override
    public double density(double x) {
        return x < a || x > b ? 0 : normal.density(x) / (normal.cumulativeProbability(b) - normal.cumulativeProbability(a));
    }

    @Override
    public double getNumericalMean() {
        throw new UnsupportedOperationException();
    }

    @Override
    public double getNumericalVariance() {
        throw new UnsupportedOperationException();
    }

    @Override
    public double getSupportLowerBound() {
        return a;
    }

    @Override
    public double getSupportUpperBound() {
        return b;
    }

    @Override
    public boolean isSupportLowerBoundInclusive() {
        return true;
    }

    @Override
    public boolean isSupportUpperBoundInclusive() {
        return true;
    }

    @Override
    public boolean isSupportConnected() {
        return true;
    }
}
