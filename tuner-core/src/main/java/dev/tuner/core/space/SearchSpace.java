package dev.tuner.core.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The knobs of a study: an ordered, immutable map from knob name to {@link Distribution}, which can
 * be narrowed around a best guess and restored, as Neuraxle narrows its spaces.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.builder()
 *         .add("lr", LogUniform.of(1e-5, 1e-1))
 *         .add("layers", IntUniform.of(1, 8))
 *         .add("activation", Choice.of("relu", "tanh", "elu"))
 *         .build();
 * SearchSpace around = space.narrow(study.bestTrial().params(), 0.5);   // half of each range
 * SearchSpace again = around.unnarrow();                                 // equals space
 * }</pre>
 *
 * <p>{@link #narrow} applies each distribution's own rule (see {@link Distribution#narrow}); knobs
 * missing from the guess, such as the knobs of a branch the best trial did not take, stay as they
 * are. A narrowed space remembers the space it was first narrowed from, which {@link #unnarrow()}
 * returns however many times it was narrowed.
 */
public final class SearchSpace {

    private final Map<String, Distribution> distributions;
    private final SearchSpace original;

    private SearchSpace(Map<String, Distribution> distributions, SearchSpace original) {
        this.distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
        this.original = original;
    }

    /** A space of the given knobs, in the map's iteration order. */
    public static SearchSpace of(Map<String, ? extends Distribution> distributions) {
        Builder builder = builder();
        distributions.forEach(builder::add);
        return builder.build();
    }

    /** A builder that keeps the knobs in the order they are added. */
    public static Builder builder() {
        return new Builder();
    }

    /** The knobs, name to distribution, in order. */
    public Map<String, Distribution> distributions() {
        return distributions;
    }

    /** The knob names, in order. */
    public Set<String> names() {
        return distributions.keySet();
    }

    /** The distribution of knob {@code name}, if the space has it. */
    public Optional<Distribution> get(String name) {
        return Optional.ofNullable(distributions.get(name));
    }

    /**
     * A narrower space around a best guess.
     *
     * @param bestGuess external values (as a trial's {@code params()} holds them) by knob name; knobs
     *     it leaves out stay as they are
     * @param keptRatio the share of each range to keep, in {@code (0, 1]}
     * @throws IllegalArgumentException if the guess names an unknown knob or holds a value its
     *     distribution cannot produce, or if the ratio lies outside {@code (0, 1]}
     */
    public SearchSpace narrow(Map<String, ?> bestGuess, double keptRatio) {
        Narrowing.requireRatio(keptRatio);
        Set<String> unknown = bestGuess.keySet().stream()
                .filter(name -> !distributions.containsKey(name))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the best guess names knobs " + unknown + " that the space "
                    + names() + " does not have; narrow with the parameters of a trial of this space");
        }
        Map<String, Distribution> narrowed = new LinkedHashMap<>();
        distributions.forEach((name, distribution) -> {
            if (!bestGuess.containsKey(name)) {
                narrowed.put(name, distribution);
                return;
            }
            double guess;
            try {
                guess = distribution.toInternal(bestGuess.get(name));
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("the best guess for knob '" + name + "' does not fit: "
                        + invalid.getMessage(), invalid);
            }
            narrowed.put(name, distribution.narrow(guess, keptRatio));
        });
        return new SearchSpace(narrowed, unnarrow());
    }

    /** The space this one was first narrowed from; this space itself if it was never narrowed. */
    public SearchSpace unnarrow() {
        return original == null ? this : original;
    }

    /** Whether this space is the result of {@link #narrow}. */
    public boolean isNarrowed() {
        return original != null;
    }

    /** Equal when the knobs, their order and the original are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SearchSpace space
                && distributions.equals(space.distributions)
                && names().stream().toList().equals(space.names().stream().toList())
                && Objects.equals(original, space.original);
    }

    @Override
    public int hashCode() {
        return Objects.hash(distributions, original);
    }

    /** {@code {lr=loguniform(1.0E-5, 0.1), layers=intuniform(1, 8)}}. */
    @Override
    public String toString() {
        return distributions.toString();
    }

    /** Collects the knobs of a {@link SearchSpace} in order. */
    public static final class Builder {

        private final Map<String, Distribution> distributions = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds a knob.
         *
         * @throws IllegalArgumentException if the name is blank or already taken
         */
        public Builder add(String name, Distribution distribution) {
            Objects.requireNonNull(distribution, "distribution");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a knob needs a name, but it is '" + name + "'; give a name");
            }
            if (distributions.putIfAbsent(name, distribution) != null) {
                throw new IllegalArgumentException("knob '" + name + "' is already in the space as "
                        + distributions.get(name) + "; give each knob its own name");
            }
            return this;
        }

        /** The space of the knobs added so far. */
        public SearchSpace build() {
            return new SearchSpace(distributions, null);
        }
    }
}
