package dev.tuner.core.report;

import dev.tuner.Direction;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.storage.StorageName;
import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.Study;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Knob values known from earlier work, and where they came from: the best trial of a stored
 * study, a stored trial by number, or a properties file of best parameters. The engine runs them
 * again to guard a tuned configuration in an ordinary test run, to replay one trial, or to start a
 * search from them.
 *
 * @param values knob values by full knob name; stored values as the objective received them,
 *     values from a file as text
 * @param source where they came from, for messages ({@code trial #17 of journal:target/tuner/journal.jsonl},
 *     {@code target/tuner/com.acme.T.quad.properties (trial #17 of journal:target/tuner/journal.jsonl)})
 * @param trialNumber the number of the trial they are in their study, when known
 */
public record KnownParameters(Map<String, ?> values, String source, OptionalInt trialNumber) {

    public KnownParameters {
        values = Map.copyOf(values);
    }

    /** The best complete trial of study {@code studyName} in {@code storage}, if it holds the study and one. */
    public static Optional<KnownParameters> bestStored(Storage storage, String studyName, Direction direction) {
        List<FrozenTrial> trials;
        try {
            trials = storage.trials(studyName);
        } catch (IllegalArgumentException notStored) {
            return Optional.empty();  // a storage holding other studies only: the properties file may know
        }
        return Study.best(trials, direction).map(best -> new KnownParameters(best.params(),
                "best trial #" + best.number() + " of " + StorageName.of(storage.toString()), OptionalInt.of(best.number())));
    }

    /** Trial {@code number} of study {@code studyName} in {@code storage}, if it was stored. */
    public static Optional<KnownParameters> storedTrial(Storage storage, String studyName, int number) {
        FrozenTrial trial;
        try {
            trial = storage.trial(studyName, number);
        } catch (IllegalArgumentException notStored) {
            return Optional.empty();  // no such study, or no such trial in it
        }
        return Optional.of(new KnownParameters(trial.params(), "trial #" + number + " of " + StorageName.of(storage.toString()),
                OptionalInt.of(number)));
    }

    /**
     * The values of a properties file of knob values ({@link BestParametersFile}'s, or any file
     * keyed by full knob names), if the file exists; the number of the trial they are when the file
     * is one study's best parameters.
     *
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public static Optional<KnownParameters> fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = read(file);
        OutputHeader header = OutputHeader.parse(text);
        Optional<OutputHeader.Source> source = header.studies().size() == 1
                ? header.studies().values().stream().findFirst()
                : Optional.empty();
        return Optional.of(of(values(text, file), file.toString(), source));
    }

    /**
     * The values of study {@code studyName} in a properties file of tuned values, if the file exists
     * and may hold them: a file that names studies (as {@link BestParametersFile} writes them) must
     * name this one, and then says which trial of which storage the values are; a file that names
     * none (written by hand, or by an older Tuner) is taken to hold them.
     *
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public static Optional<KnownParameters> ofStudy(Path file, String studyName) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = read(file);
        OutputHeader header = OutputHeader.parse(text);
        Optional<OutputHeader.Source> source = header.study(studyName);
        if (header.namesStudies() && source.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of(values(text, file), file.toString(), source));
    }

    private static KnownParameters of(Map<String, String> values, String where, Optional<OutputHeader.Source> source) {
        OptionalInt number = source.map(OutputHeader.Source::trial).orElse(OptionalInt.empty());
        String from = source.flatMap(OutputHeader.Source::storage)
                .map(storage -> " (" + (number.isPresent() ? "trial #" + number.getAsInt() + " of " : "from ") + storage + ")")
                .orElse("");
        return new KnownParameters(values, where + from, number);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException unreadable) {
            throw unreadable(file, unreadable);
        }
    }

    private static Map<String, String> values(String text, Path file) {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException unreadable) {
            throw unreadable(file, unreadable);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    private static UncheckedIOException unreadable(Path file, Exception cause) {
        return new UncheckedIOException("could not read the parameters in " + file + ": " + cause.getMessage()
                + "; fix or delete the file", cause instanceof IOException io ? io : new IOException(cause));
    }
}
