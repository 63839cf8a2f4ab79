package dev.tuner.core.sampler;

import org.apache.commons.rng.simple.RandomSource;

/** Seeds for reproducible, independent random streams. */
public final class Seeds {

    private Seeds() {}

    /** A fresh seed for an unseeded study; record it to reproduce the run. */
    public static long fresh() {
        return RandomSource.createLong();
    }

    /**
     * The seed of the stream that serves one knob of one trial: a mix of the study's seed, the
     * trial number and the knob name, so that neighbouring inputs give unrelated streams.
     */
    static long stream(long seed, int trialNumber, String name) {
        long hash = mix(seed);
        hash = mix(hash ^ trialNumber);
        for (int i = 0; i < name.length(); i++) {
            hash = hash * 0x100000001b3L ^ name.charAt(i);
        }
        return mix(hash);
    }

    /** SplitMix64's finalizer: a bijection that spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
