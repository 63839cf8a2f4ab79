package dev.tuner.benchmarks.quality;

import java.util.Locale;

/**
 * The two halves of the problems defaults are chosen by: compare samplers and options on the
 * {@link #TRAINING} half, and check the choice, once, on the {@link #VALIDATION} half. The rule
 * that assigns a problem to a half is fixed and depends on nothing but the problem's identity
 * ({@link BbobProblems#half(int)}, {@link SyntheticProblems#half(int)},
 * {@link RealProblems#half(String)}), so every run splits alike.
 */
enum Half {
    TRAINING("train"),
    VALIDATION("validation");

    private final String label;

    Half(String label) {
        this.label = label;
    }

    /** The half's name on the command line and in the results: {@code train} or {@code validation}. */
    String label() {
        return label;
    }

    /**
     * The half a {@code --split} value names, or empty for {@code all}.
     *
     * @throws IllegalArgumentException for any other value
     */
    static java.util.Optional<Half> parse(String value) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "all":
                return java.util.Optional.empty();
            case "train":
            case "training":
                return java.util.Optional.of(TRAINING);
            case "validation":
                return java.util.Optional.of(VALIDATION);
            default:
                throw new IllegalArgumentException("--split " + value + " is not a half; use train, validation or all");
        }
    }
}
