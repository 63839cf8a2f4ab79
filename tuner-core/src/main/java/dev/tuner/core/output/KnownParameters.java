package dev.tuner.core.output;

import dev.tuner.Direction;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.storage.StorageName;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.ParetoPick;
import dev.tuner.core.trial.TrialHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Knob values known from earlier work, and where they came from: the best trial of a stored
 * study, a stored trial by number, or a properties file of tuned values. The engine runs them
 * again to guard a tuned configuration in an ordinary test run, to replay one trial, or to start a
 * search from them.
 *
 * @param values knob values by full knob name; stored values as the objective received them,
 *     values from a file as text
 * @param source where they came from, for messages ({@code best trial #17 of journal:target/tuner/journal.jsonl},
 *     {@code target/tuner/com.acme.T.quad.properties (trial #17 of journal:target/tuner/journal.jsonl)})
 * @param trialNumber the number of the trial they are in their study, when known
 * @param where the place they were read from, in short, for a test's name: the storage
 *     ({@code journal:target/tuner/journal.jsonl}) or the file ({@code src/main/resources/tuner.properties})
 */
public record KnownParameters(Map<String, ?> values, String source, OptionalInt trialNumber, String where) {

    public KnownParameters {
        values = Map.copyOf(values);
    }

    /**
     * These values as study {@code studyName} reads them: a knob its {@code @Tune} method suggested
     * through its {@code Trial} is named {@code <study>.<name>}, so a key without a dot, as Tuner 0.1
     * wrote such a knob, is read as that name (unless the file gives that name too);
     * {@link #bareKeysWarning(String)} says so.
     */
    public KnownParameters forStudy(String studyName) {
        return new KnownParameters(BareKeys.qualify(values, studyName), source, trialNumber, where);
    }

    /**
     * What to tell the user when these values name knobs of study {@code studyName} by their bare
     * names, as Tuner 0.1 wrote them: which keys, where, that they are read under their study's names
     * until Tuner {@value BareKeys#LAST_RELEASE}, and how to regenerate them; empty when there are none.
     */
    public Optional<String> bareKeysWarning(String studyName) {
        List<String> bare = BareKeys.of(values, studyName);
        if (bare.isEmpty()) {
            return Optional.empty();
        }
        List<String> renamed = bare.stream().map(key -> BareKeys.qualified(studyName, key)).toList();
        return Optional.of("study " + studyName + ": " + source + " names knobs the study suggests through its Trial by"
                + " their bare names (" + String.join(", ", bare) + "), as Tuner 0.1 wrote them, so that two studies"
                + " suggesting one name clash; they are read as " + String.join(", ", renamed) + " until Tuner "
                + BareKeys.LAST_RELEASE + ". Regenerate the values: run mvn tuner:tune again (on a fresh storage when"
                + " they come from the storage's trials), or rename the keys in the file");
    }

    /** The best complete trial of study {@code studyName} in {@code storage}, if it holds the study and one. */
    public static Optional<KnownParameters> bestStored(Storage storage, String studyName, Direction direction) {
        return bestStored(storage, studyName, List.of(direction), ParetoPick.parse("", TrialHistory.defaultObjectiveNames(1)));
    }

    /**
     * The complete trial of study {@code studyName} in {@code storage} that its properties would hold,
     * if it holds the study and one: its best, or for several objectives the trial of its Pareto set
     * that {@code pick} picks.
     */
    public static Optional<KnownParameters> bestStored(Storage storage, String studyName, List<Direction> directions,
            ParetoPick pick) {
        List<FrozenTrial> trials;
        try {
            trials = storage.trials(studyName);
        } catch (IllegalArgumentException notStored) {
            return Optional.empty();  // a storage holding other studies only: the properties file may know
        }
        String name = StorageName.of(storage.toString()).text();
        if (directions.size() == 1) {
            return TrialHistory.best(trials, directions.get(0)).map(best -> new KnownParameters(best.params(),
                    "best trial #" + best.number() + " of " + name, OptionalInt.of(best.number()), name));
        }
        List<FrozenTrial> front = TrialHistory.bestTrials(trials, directions);
        return pick.pick(front, directions).map(picked -> new KnownParameters(picked.params(), "trial #"
                + picked.number() + " of " + name + ", picked (" + pick.describe() + ") of " + front.size() + " Pareto trials",
                OptionalInt.of(picked.number()), name));
    }

    /** Trial {@code number} of study {@code studyName} in {@code storage}, if it was stored. */
    public static Optional<KnownParameters> storedTrial(Storage storage, String studyName, int number) {
        FrozenTrial trial;
        try {
            trial = storage.trial(studyName, number);
        } catch (IllegalArgumentException notStored) {
            return Optional.empty();  // no such study, or no such trial in it
        }
        String name = StorageName.of(storage.toString()).text();
        return Optional.of(new KnownParameters(trial.params(), "trial #" + number + " of " + name,
                OptionalInt.of(number), name));
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
        return Optional.of(of(values(text, file.toString()), ShownPath.of(file), "", source));
    }

    /**
     * The values of study {@code studyName} in a properties file of tuned values, if the file exists
     * and may hold them: a file that names studies (as {@link BestParametersFile} writes them) must
     * name this one, and then says which trial of which storage the values are; a file that names
     * none (written by hand, or by an older Tuner) is taken to hold them. The source names the
     * file's {@code role} ({@code tuner.output.file}) unless it is empty.
     *
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    static Optional<KnownParameters> ofStudy(Path file, String studyName, String role) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return ofStudy(read(file), file.toString(), ShownPath.of(file), role, studyName);
    }

    /** As {@link #ofStudy(Path, String, String)}, for a classpath resource shown as {@code where}, found at {@code location}. */
    static Optional<KnownParameters> ofStudy(URL resource, String where, String location, String studyName) {
        String text;
        try (InputStream in = resource.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException unreadable) {
            throw unreadable(resource.toString(), unreadable);
        }
        return ofStudy(text, resource.toString(), where, location, studyName);
    }

    private static Optional<KnownParameters> ofStudy(String text, String file, String where, String role,
            String studyName) {
        OutputHeader header = OutputHeader.parse(text);
        Optional<OutputHeader.Source> source = header.study(studyName);
        if (header.namesStudies() && source.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of(values(text, file), where, role, source));
    }

    private static KnownParameters of(Map<String, String> values, String where, String role,
            Optional<OutputHeader.Source> source) {
        OptionalInt number = source.map(OutputHeader.Source::trial).orElse(OptionalInt.empty());
        List<String> notes = new ArrayList<>();
        if (!role.isEmpty()) {
            notes.add(role);
        }
        source.flatMap(OutputHeader.Source::storage).ifPresent(storage ->
                notes.add((number.isPresent() ? "trial #" + number.getAsInt() + " of " : "from ") + storage));
        String from = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
        return new KnownParameters(values, where + from, number, where);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException unreadable) {
            throw unreadable(file.toString(), unreadable);
        }
    }

    private static Map<String, String> values(String text, String file) {
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

    private static UncheckedIOException unreadable(String file, Exception cause) {
        return new UncheckedIOException("could not read the parameters in " + file + ": " + cause.getMessage()
                + "; fix or delete the file", cause instanceof IOException io ? io : new IOException(cause));
    }
}
