package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.TrialHistory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Quasi-random search: trial {@code n} takes point {@code n} of a Sobol sequence, one dimension per
 * knob in the order the knobs first appeared, mapped evenly onto each knob's range. The points fill
 * the space more evenly than random draws, which helps when trials are few.
 *
 * <p>The sequence is scrambled by a random digital shift drawn from the seed (each coordinate's bits
 * XORed with a fixed random word), so that seeds give different, equally even point sets. Normal,
 * log-normal and custom distributions, which have no even map from [0, 1) here, are drawn from their
 * prior as {@link RandomSampler} does. Up to 1,000 knobs.
 */
public final class QmcSampler implements Sampler {

    private static final int MAX_DIMENSIONS = 1000;
    private static final int BITS = 52;
    private static final double SCALE = 0x1p52;

    private final long seed;
    private final RandomSampler fallback;
    private final Map<Integer, SobolSequenceGenerator> generators = new ConcurrentHashMap<>();

    /** A Sobol sampler whose scrambling is drawn from {@code seed}. */
    public QmcSampler(long seed) {
        this.seed = seed;
        this.fallback = new RandomSampler(seed);
    }

    @Override
    public double sample(TrialHistory study, int trialNumber, String name, Distribution distribution) {
        int dimension = KnobOrder.indexOf(KnobOrder.of(study), name);
        if (dimension >= MAX_DIMENSIONS) {
            return fallback.sample(study, trialNumber, name, distribution);
        }
        double u = scrambled(coordinate(dimension, trialNumber), dimension);
        return UnitMapping.fromUnit(distribution, u)
                .orElseGet(() -> fallback.sample(study, trialNumber, name, distribution));
    }

    /**
     * Point {@code index} of this sampler's scrambled sequence in its first {@code dimensions}
     * dimensions, each coordinate in [0, 1): the points trial {@code index} would take here. For the
     * GP sampler's start-up trials.
     *
     * @throws IllegalArgumentException if {@code dimensions} exceeds 1,000
     */
    double[] point(int index, int dimensions) {
        if (dimensions > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("Sobol points have at most " + MAX_DIMENSIONS + " dimensions, not "
                    + dimensions);
        }
        double[] point = new double[dimensions];
        for (int k = 0; k < dimensions; k++) {
            point[k] = scrambled(coordinate(k, index), k);
        }
        return point;
    }

    /** Coordinate {@code dimension} of Sobol point {@code index}. */
    private double coordinate(int dimension, int index) {
        // a coordinate does not depend on how many dimensions the generator has: use the smallest
        SobolSequenceGenerator generator = generators.computeIfAbsent(dimension + 1, SobolSequenceGenerator::new);
        synchronized (generator) {
            return generator.skipTo(index)[dimension];
        }
    }

    private double scrambled(double coordinate, int dimension) {
        long shift = Seeds.splitMix(seed, -1, "sobol-" + dimension)
                >>> (Long.SIZE - BITS);
        long bits = (long) (coordinate * SCALE);
        return (bits ^ shift) / SCALE;
    }

    @Override
    public String toString() {
        return "QmcSampler[seed=" + seed + "]";
    }
}
