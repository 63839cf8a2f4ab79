package dev.tuner.engine;

/**
 * The configuration parameters of the tuner engine. Each can be given in
 * {@code junit-platform.properties}, as a {@code -D} system property, in a launcher request, or as
 * the Maven plugin's user property of the same name; a value given for the run takes precedence
 * over the {@code @Tune} annotation's attribute.
 *
 * <pre>
 * mvn tuner:tune -Dtuner.trials=500 -Dtuner.seed=1 -Dtuner.test=QuickstartTuning
 * </pre>
 */
public final class Constants {

    /** Trial budget of every study in the run: a positive whole number. Key: {@value}. */
    public static final String TRIALS_PROPERTY_NAME = "tuner.trials";

    /** Sampler seed of every study in the run: a whole number. Key: {@value}. */
    public static final String SEED_PROPERTY_NAME = "tuner.seed";

    /** Sampler of every study in the run, by name ({@code tpe}, the default, or {@code random}). Key: {@value}. */
    public static final String SAMPLER_PROPERTY_NAME = "tuner.sampler";

    /**
     * How each trial's test is named: a pattern with {@code {number}}, {@code {params}},
     * {@code {value}} and {@code {state}}. Key: {@value}; default {@code #{number} {params} → {value}}.
     */
    public static final String DISPLAY_NAME_PROPERTY_NAME = "tuner.displayname";

    /**
     * How many trials of a study run at once, on threads of one JVM: a positive whole number. The
     * objective's code must then be thread-safe. Key: {@value}; default 1.
     */
    public static final String PARALLELISM_PROPERTY_NAME = "tuner.parallelism";

    /**
     * How long each study may start new trials: {@code 90s}, {@code 10m}, {@code 2h}, {@code 500ms} or
     * ISO-8601 ({@code PT10M}). Running trials finish. Key: {@value}; default: no limit.
     */
    public static final String TIMEOUT_PROPERTY_NAME = "tuner.timeout";

    /**
     * How long one trial may run before it fails (and is interrupted), in the same form as
     * {@link #TIMEOUT_PROPERTY_NAME}; the study goes on. Key: {@value}; default: no limit.
     */
    public static final String TRIAL_TIMEOUT_PROPERTY_NAME = "tuner.trial.timeout";

    /**
     * Directory the best-parameter files go to, relative to the working directory. Key: {@value};
     * default {@value #OUTPUT_DIR_DEFAULT}.
     */
    public static final String OUTPUT_DIR_PROPERTY_NAME = "tuner.output.dir";

    /** Default of {@link #OUTPUT_DIR_PROPERTY_NAME}: {@value}. */
    public static final String OUTPUT_DIR_DEFAULT = "target/tuner";

    /**
     * Whether each study also writes an HTML report with plots to the output directory
     * ({@code <study>.html}, and {@code index.html} listing every study there): {@code true} or
     * {@code false}. Key: {@value}; default {@code true}.
     */
    public static final String REPORT_PROPERTY_NAME = "tuner.report";

    /**
     * Which test classes the console launcher ({@code mvn tuner:tune}) runs: comma-separated
     * class names, simple ({@code QuickstartTuning}) or qualified, with {@code *} as a wildcard.
     * Key: {@value}; default: every class.
     */
    public static final String TEST_PROPERTY_NAME = "tuner.test";

    private Constants() {}
}
