package dev.tuner.core.storage;

import dev.tuner.core.space.CustomDistribution;
import org.apache.commons.rng.UniformRandomProvider;

/** A custom distribution for the storage tests: 0, 1, 4, ..., max²; internally the root. */
public record Squares(int max) implements CustomDistribution {

    @Override
    public double sample(UniformRandomProvider rng) {
        return rng.nextInt(max + 1);
    }

    @Override
    public boolean contains(double root) {
        return root >= 0 && root <= max && root == Math.rint(root);
    }

    @Override
    public Object toExternal(double root) {
        return (long) (root * root);
    }

    @Override
    public double toInternal(Object value) {
        return Math.sqrt(((Number) value).doubleValue());
    }

    @Override
    public double logDensity(double root) {
        return contains(root) ? -Math.log(max + 1) : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double low() {
        return 0;
    }

    @Override
    public double high() {
        return max;
    }

    @Override
    public String toString() {
        return "squares(" + max + ")";
    }
}
