package dev.tuner.engine;

import dev.tuner.core.inject.StudyOverrides;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.platform.engine.ConfigurationParameters;

/** The engine's configuration parameters, parsed, with messages that name the key at fault. */
final class RunSettings {

    private final ConfigurationParameters parameters;

    RunSettings(ConfigurationParameters parameters) {
        this.parameters = parameters;
    }

    /** Settings that override every study's {@code @Tune} attributes for this run. */
    StudyOverrides overrides() {
        return new StudyOverrides(trials(), seed(), text(Constants.SAMPLER_PROPERTY_NAME));
    }

    Path outputDirectory() {
        return Path.of(text(Constants.OUTPUT_DIR_PROPERTY_NAME).orElse(Constants.OUTPUT_DIR_DEFAULT));
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

    private Optional<String> text(String key) {
        return parameters.get(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException("configuration parameter " + key + "=" + value + " is invalid; give "
                + expected + " (-D" + key + "=..., junit-platform.properties or the tuner plugin's configuration)");
    }
}
