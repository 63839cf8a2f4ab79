package dev.tuner.core.sampler;

import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Seeds for reproducible, independent random streams, and the generators they start.
 *
 * <p>Generators are built directly rather than through commons-rng's {@code RandomSource}, whose
 * first use loads and checks every generator it knows (some sixty classes, tens of milliseconds at a
 * study's start) and whose every use goes through reflection. The streams are the ones {@code
 * RandomSource} would give for the same seed ({@code SeedsTest} checks), so seeded studies
 * propose what they always did.
 */
public final class Seeds {

    private Seeds() {}

    /** A fresh seed for an unseeded study; record it to reproduce the run. */
    public static long fresh() {
        return ThreadLocalRandom.current().nextLong();
    }

    /**
     * The generator of one knob of one trial, or of another use named by {@code name}: XoRoShiRo128++
     * seeded from {@link #stream}, as {@code RandomSource.XO_RO_SHI_RO_128_PP.create(stream(...))}
     * would seed it (a SplitMix64 sequence from the seed).
     */
    static UniformRandomProvider generator(long seed, int trialNumber, String name) {
        SplitMix64 expansion = new SplitMix64(stream(seed, trialNumber, name));
        return new XoRoShiRo128PlusPlus(expansion.nextLong(), expansion.nextLong());
    }

    /** One long drawn from the stream of {@code (seed, trialNumber, name)} by SplitMix64. */
    static long splitMix(long seed, int trialNumber, String name) {
        return new SplitMix64(stream(seed, trialNumber, name)).nextLong();
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
