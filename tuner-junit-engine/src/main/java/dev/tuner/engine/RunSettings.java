package dev.tuner.engine;

import dev.tuner.core.output.BestLookup;
import dev.tuner.core.output.LiveReport;
import dev.tuner.core.plan.StudyOverrides;
import dev.tuner.core.settings.RenamedSettings;
import dev.tuner.core.storage.JdbcStorage;
import dev.tuner.core.study.OptimizeSettings;
import dev.tuner.core.trial.TrialFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's configuration parameters, parsed, with messages that name the key at fault. A key
 * given under its old name ({@link Constants#RENAMED_PROPERTY_NAMES}) is read under its new one.
 */
final class RunSettings {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final RenamedSettings RENAMED = new RenamedSettings(Constants.RENAMED_PROPERTY_NAMES,
            Constants.RENAMED_PROPERTY_NAMES_REMOVED_IN);

    private final ConfigurationParameters parameters;
    /** Every {@code tuner.*} parameter of the run, old keys under their new ones. */
    private final Map<String, String> settings;
    private final List<String> deprecations;
    /** Why the old and new keys of the run contradict each other; null when they do not. */
    private final String conflict;

    RunSettings(ConfigurationParameters parameters) {
        this.parameters = parameters;
        Map<String, String> given = new HashMap<>();
        for (String key : parameters.keySet()) {
            if (key.startsWith("tuner.")) {
                parameters.get(key).ifPresent(value -> given.put(key, value));
            }
        }
        Map<String, String> resolved = given;
        List<String> deprecations = List.of();
        String conflict = null;
        try {
            RenamedSettings.Resolved renamed = RENAMED.resolve(given, key -> SettingOrigins.of(key, given.get(key)));
            resolved = renamed.settings();
            deprecations = renamed.warnings();
        } catch (IllegalArgumentException contradiction) {
            conflict = contradiction.getMessage();
        }
        this.settings = resolved;
        this.deprecations = deprecations;
        this.conflict = conflict;
    }

    /**
     * Checks that every {@code tuner.*} key of the run is one Tuner knows, and that no setting is given
     * under its old and its new key with different values.
     *
     * @throws IllegalArgumentException naming the unknown keys and the known ones they likely meant, or
     *     the old and new key that contradict each other
     */
    void checkKeys() {
        SettingKeys.check(parameters.keySet());
        if (conflict != null) {
            throw new IllegalArgumentException(conflict);
        }
    }

    /** A warning for each key the run gives under its old name, naming the new one and where the old was given. */
    List<String> deprecations() {
        return deprecations;
    }

    /** Settings that override every study's {@code @Tune} attributes for this run. */
    StudyOverrides overrides() {
        Map<String, String> settings = new HashMap<>();
        for (String key : this.settings.keySet()) {
            text(key).ifPresent(value -> settings.put(key, value));
        }
        return new StudyOverrides(trials(), seed(), text(Constants.SAMPLER_PROPERTY_NAME),
                text(Constants.PRUNER_PROPERTY_NAME), settings);
    }

    /** How the studies of this run are optimized: {@code trials} trials, in parallel and timed as configured. */
    OptimizeSettings.Builder optimize(int trials) {
        OptimizeSettings.Builder builder = OptimizeSettings.builder().budget(trials).parallelism(parallelism())
                .retryFailed(retryFailed());
        duration(Constants.TIMEOUT_PROPERTY_NAME).ifPresent(builder::timeout);
        duration(Constants.TRIAL_TIMEOUT_PROPERTY_NAME).ifPresent(builder::trialTimeout);
        return builder;
    }

    /** Whether failed trials are left out of the budget and made up for. */
    boolean retryFailed() {
        Optional<String> text = text(Constants.RETRY_FAILED_PROPERTY_NAME);
        if (text.isEmpty()) {
            return false;
        }
        switch (text.get().trim()) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw invalid(Constants.RETRY_FAILED_PROPERTY_NAME, text.get(), "true or false");
        }
    }

    /** The pattern of trial names, checked. */
    String displayNamePattern() {
        String pattern = text(Constants.DISPLAY_NAME_PROPERTY_NAME).orElse(TrialFormat.DEFAULT_PATTERN);
        try {
            TrialFormat.requireValid(pattern);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("configuration parameter " + Constants.DISPLAY_NAME_PROPERTY_NAME
                    + ": " + invalid.getMessage());
        }
        return pattern;
    }

    /** The mode the run sets for every study, if it sets one. */
    Optional<StudyMode> mode() {
        Optional<String> text = text(Constants.MODE_PROPERTY_NAME);
        try {
            return text.map(StudyMode::parse);
        } catch (IllegalArgumentException unknown) {
            throw invalid(Constants.MODE_PROPERTY_NAME, text.get(), "search, best or off");
        }
    }

    /** How often a running study publishes its progress line. */
    Duration progressInterval() {
        return duration(Constants.PROGRESS_INTERVAL_PROPERTY_NAME).orElse(Duration.ofSeconds(10));
    }

    /** How long a worker waits for an unreachable database before a call fails. */
    Duration storageOutageTimeout() {
        return duration(Constants.STORAGE_OUTAGE_TIMEOUT_PROPERTY_NAME).orElse(JdbcStorage.DEFAULT_OUTAGE_TIMEOUT);
    }

    /** The properties file a new study takes its first trial's values from, if any. */
    Optional<Path> warmStart() {
        return text(Constants.WARM_START_PROPERTY_NAME).map(Path::of);
    }

    /** The properties file every study's best parameters are merged into, if any. */
    Optional<Path> outputFile() {
        return text(Constants.OUTPUT_FILE_PROPERTY_NAME).map(Path::of);
    }

    /**
     * The file of production values a best run reads last, as {@code Tuned} does: the one the setting
     * (in production, the system property) {@value BestLookup#PRODUCTION_FILE_SETTING} names, if set.
     */
    Optional<Path> productionFile() {
        return text(BestLookup.PRODUCTION_FILE_SETTING).map(Path::of);
    }

        Path outputDirectory() {
        return Path.of(text(Constants.OUTPUT_DIR_PROPERTY_NAME).orElse(Constants.OUTPUT_DIR_DEFAULT));
    }

    /** Whether studies write their HTML report. */
    boolean report() {
        return flag(Constants.REPORT_PROPERTY_NAME, true);
    }

    /** How a running study's report is rewritten as it goes, or that it is not. */
    LiveReport.Settings liveReport() {
        boolean on = flag(Constants.REPORT_LIVE_PROPERTY_NAME, LiveReport.Settings.DEFAULT.on());
        Duration every = duration(Constants.REPORT_LIVE_INTERVAL_PROPERTY_NAME).orElse(LiveReport.Settings.DEFAULT.every());
        Optional<String> text = text(Constants.REPORT_LIVE_TRIALS_PROPERTY_NAME);
        int trials;
        try {
            trials = text.map(Integer::parseInt).orElse(LiveReport.Settings.DEFAULT.everyTrials());
            if (trials < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException notANumber) {
            throw invalid(Constants.REPORT_LIVE_TRIALS_PROPERTY_NAME, text.get(), "a positive whole number of trials,"
                    + " e.g. 10 (or " + Constants.REPORT_LIVE_PROPERTY_NAME + "=false to write the report at the end only)");
        }
        return new LiveReport.Settings(on, trials, every);
    }

    /** Whether the test of a search's best trial prints the study's summary as its output. */
    boolean bestSummary() {
        return flag(Constants.BEST_SUMMARY_PROPERTY_NAME, true);
    }

    /** Whether a study's outputs replace those another persistent storage wrote. */
    boolean outputReplace() {
        return flag(Constants.OUTPUT_REPLACE_PROPERTY_NAME, false);
    }

    private boolean flag(String key, boolean byDefault) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return byDefault;
        }
        return switch (text.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, text.get(), "true or false");
        };
    }

    private OptionalInt trials() {
        Optional<String> text = text(Constants.TRIALS_PROPERTY_NAME);
        try {
            return text.map(value -> OptionalInt.of(Integer.parseInt(value))).orElse(OptionalInt.empty());
        } catch (NumberFormatException notANumber) {
            throw invalid(Constants.TRIALS_PROPERTY_NAME, text.get(), "a whole number of trials, e.g. 200");
        }
    }

    private OptionalLong seed() {
        Optional<String> text = text(Constants.SEED_PROPERTY_NAME);
        try {
            return text.map(value -> OptionalLong.of(Long.parseLong(value))).orElse(OptionalLong.empty());
        } catch (NumberFormatException notANumber) {
            throw invalid(Constants.SEED_PROPERTY_NAME, text.get(), "a whole number, e.g. 1");
        }
    }

    private int parallelism() {
        Optional<String> text = text(Constants.PARALLELISM_PROPERTY_NAME);
        try {
            int threads = text.map(Integer::parseInt).orElse(1);
            if (threads < 1) {
                throw new NumberFormatException();
            }
            return threads;
        } catch (NumberFormatException notANumber) {
            throw invalid(Constants.PARALLELISM_PROPERTY_NAME, text.get(), "a positive number of threads, e.g. 4");
        }
    }

    private Optional<Duration> duration(String key) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher shortForm = SHORT_DURATION.matcher(text.get());
        try {
            Duration duration;
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                duration = switch (shortForm.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            } else {
                duration = Duration.parse(text.get());
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new DateTimeParseException("not positive", text.get(), 0);
            }
            return Optional.of(duration);
        } catch (DateTimeParseException | ArithmeticException notADuration) {
            throw invalid(key, text.get(), "a positive duration such as 90s, 10m, 2h, 500ms or PT10M");
        }
    }

    private Optional<String> text(String key) {
        Optional<String> value = settings.containsKey(key) ? Optional.of(settings.get(key)) : parameters.get(key);
        return value.map(String::trim).filter(text -> !text.isEmpty());
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException("configuration parameter " + key + "=" + value + " is invalid; give "
                + expected + " (-D" + key + "=..., junit-platform.properties or the tuner plugin's configuration)");
    }
}
