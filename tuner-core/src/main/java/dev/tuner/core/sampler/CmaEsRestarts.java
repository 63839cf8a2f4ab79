package dev.tuner.core.sampler;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Where each run of CMA-ES starts, the first and those after a restart: IPOP-CMA-ES (Auger and
 * Hansen, CEC 2005), which doubles the population at every restart, so that later runs search more
 * globally, and starts each restart from a mean drawn uniformly from the unit cube (from the
 * study's seed and the run's index, so that every worker restarts alike). The first run starts at
 * the cube's centre, or {@linkplain CmaEsWarmStart warm}.
 *
 * @param seed the sampler's seed
 * @param populationSize the first run's population size; 0 for {@link CmaEsState#defaultLambda}
 * @param sigma0 the step size a cold run starts with, in unit-cube coordinates
 * @param restarts whether a run that stops restarts; if not, it goes on however it stalls
 */
record CmaEsRestarts(long seed, int populationSize, double sigma0, boolean restarts) {

    /** The largest population a restart grows to. */
    static final int MAX_LAMBDA = 1 << 16;

    /** The first run's distribution without a warm start: centred, isotropic. */
    CmaEsState cold(int dimension) {
        double[] mean = new double[dimension];
        Arrays.fill(mean, 0.5);
        return isotropic(mean, lambda(0, dimension));
    }

    /** The first run's population in {@code dimension} dimensions. */
    int baseLambda(int dimension) {
        return populationSize > 0 ? populationSize : CmaEsState.defaultLambda(dimension);
    }

    /** The population of run {@code run} (0 for the first) in {@code dimension} dimensions. */
    int lambda(int run, int dimension) {
        return (int) Math.min(MAX_LAMBDA, (long) baseLambda(dimension) << Math.min(run, 30));
    }

    /** Run {@code run}'s distribution (from 1): twice the last population, a mean drawn from the cube. */
    CmaEsState restart(int run, int dimension) {
        UniformRandomProvider rng = Seeds.generator(seed, run, "cmaes:restart");
        double[] mean = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            mean[i] = rng.nextDouble();
        }
        return isotropic(mean, lambda(run, dimension));
    }

    private CmaEsState isotropic(double[] mean, int lambda) {
        double[] ones = new double[mean.length];
        Arrays.fill(ones, 1);
        return new CmaEsState(mean, sigma0, ones, lambda);
    }
}
