package dev.tuner.core.space;

/**
 * How a real-valued knob spreads its prior over its range.
 *
 * <pre>{@code
 * double lr = trial.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG);
 * }</pre>
 */
public enum Scale {
    /** Uniform on the range: {@link Uniform}. */
    LINEAR,
    /** Uniform on the logarithm of the range: {@link LogUniform}. */
    LOG
}
