package dev.tuner.core.study;

import dev.tuner.core.sampler.RandomSampler;
import dev.tuner.core.sampler.Sampler;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.storage.Storage;

/**
 * The studies tests run on when the study itself is not what they test: named, minimizing, on a
 * new {@link InMemoryStorage}, drawn by a seeded {@link RandomSampler} or the sampler under test.
 * A test sets what it is about (a direction, a pruner) on {@link #builder}, and keeps the trials in
 * a storage of its own with {@link #on} when it reads that storage, reopens it or shares it.
 *
 * <pre>{@code
 * Study study = Studies.inMemory("quad", 5);
 * Study maximizing = Studies.builder("acc", 5).direction(Direction.MAXIMIZE).pruner(pruner).build();
 * }</pre>
 */
public final class Studies {

    private Studies() {}

    /** Study {@code name} drawn by a random sampler seeded {@code seed}. */
    public static Study inMemory(String name, long seed) {
        return builder(name, seed).build();
    }

    /** Study {@code name} drawn by {@code sampler}. */
    public static Study inMemory(String name, Sampler sampler) {
        return builder(name, sampler).build();
    }

    /** Study {@code name} in {@code storage}, drawn by a random sampler seeded {@code seed}. */
    public static Study on(Storage storage, String name, long seed) {
        return builder(name, seed).storage(storage).build();
    }

    /** Study {@code name} in {@code storage}, drawn by {@code sampler}. */
    public static Study on(Storage storage, String name, Sampler sampler) {
        return builder(name, sampler).storage(storage).build();
    }

    /** The builder of {@link #inMemory(String, long)}, to set what the test is about before it builds. */
    public static Study.Builder builder(String name, long seed) {
        return builder(name, new RandomSampler(seed));
    }

    /** The builder of {@link #inMemory(String, Sampler)}, to set what the test is about before it builds. */
    public static Study.Builder builder(String name, Sampler sampler) {
        return Study.builder(name).sampler(sampler).storage(new InMemoryStorage());
    }
}
