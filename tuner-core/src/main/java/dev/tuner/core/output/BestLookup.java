package dev.tuner.core.output;

import dev.tuner.Direction;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.storage.StorageName;
import dev.tuner.core.trial.ParetoPick;
import dev.tuner.core.trial.TrialHistory;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a best run finds a study's best known parameters, first to last, so that a plain
 * {@code mvn test} checks the tuned configuration on a fresh checkout too, from the values a team
 * committed for production:
 *
 * <ol>
 *   <li>the study's storage, read only, when it holds a complete trial of the study;</li>
 *   <li>the study's properties file in the output directory, {@code target/tuner/<study>.properties};</li>
 *   <li>the file every study's best is merged into, {@code tuner.output.file}, when it is set;</li>
 *   <li>the production values {@code Tuned} reads: the file the setting {@value #PRODUCTION_FILE_SETTING}
 *       names, else the classpath resource {@value #PRODUCTION_RESOURCE}
 *       ({@code src/main/resources/tuner.properties}).</li>
 * </ol>
 *
 * <p>A file that names the studies whose values it holds (as {@link BestParametersFile} writes
 * them) is used only for a study it names; a file that names none (written by hand, or by an older
 * Tuner) is taken to hold the study's. Every place looked in is listed, with why it did not serve,
 * for the message of a run that found nothing.
 *
 * <pre>{@code
 * BestLookup.Found found = new BestLookup(Path.of("target/tuner"), Optional.empty(), Optional.empty(), loader)
 *         .find("com.acme.T.loss", Direction.MINIMIZE, StorageName.of(spec), storages.openIfPresent(spec));
 * found.known().ifPresent(known -> System.out.println("from " + known.source()));
 * }</pre>
 */
public final class BestLookup {

    /** The setting, a system property in production, that names the file of production values: {@value}. */
    public static final String PRODUCTION_FILE_SETTING = "tuner.properties";

    /** The classpath resource of production values, read when {@value #PRODUCTION_FILE_SETTING} is not set: {@value}. */
    public static final String PRODUCTION_RESOURCE = "tuner.properties";

    private final Path outputDirectory;
    private final Optional<Path> outputFile;
    private final Optional<Path> productionFile;
    private final ClassLoader classLoader;

    /**
     * A lookup in {@code outputDirectory}, then {@code outputFile} (if set), then {@code productionFile}
     * (if set) or else the resource {@value #PRODUCTION_RESOURCE} of {@code classLoader}.
     */
    public BestLookup(Path outputDirectory, Optional<Path> outputFile, Optional<Path> productionFile,
            ClassLoader classLoader) {
        this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
        this.outputFile = Objects.requireNonNull(outputFile, "outputFile");
        this.productionFile = Objects.requireNonNull(productionFile, "productionFile");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    /**
     * What a lookup found, and where it looked.
     *
     * @param known the best known parameters, if a place knew them
     * @param lookedIn each place looked in, in order, up to the one that knew them, with why the
     *     others did not serve: {@code src/main/resources/tuner.properties (tuner.output.file; holds other
     *     studies' values only)}
     */
    public record Found(Optional<KnownParameters> known, List<String> lookedIn) {

        public Found {
            lookedIn = List.copyOf(lookedIn);
        }
    }

    /**
     * The best known parameters of study {@code studyName}.
     *
     * @param storageName the study's storage, as messages name it
     * @param storage that storage opened to read, or empty when it holds nothing yet (no journal file, memory)
     * @throws java.io.UncheckedIOException if a file that exists cannot be read
     */
    public Found find(String studyName, Direction direction, StorageName storageName, Optional<Storage> storage) {
        return find(studyName, List.of(direction), ParetoPick.parse("", TrialHistory.defaultObjectiveNames(1)), storageName,
                storage);
    }

    /**
     * The best known parameters of study {@code studyName} of objectives in {@code directions}: from its
     * storage, for several objectives the trial of its Pareto set that {@code pick} picks, as its
     * properties file holds it.
     *
     * @param storageName the study's storage, as messages name it
     * @param storage that storage opened to read, or empty when it holds nothing yet (no journal file, memory)
     * @throws java.io.UncheckedIOException if a file that exists cannot be read
     */
    public Found find(String studyName, List<Direction> directions, ParetoPick pick, StorageName storageName,
            Optional<Storage> storage) {
        List<String> lookedIn = new ArrayList<>();
        Optional<KnownParameters> stored = storage.flatMap(opened -> KnownParameters.bestStored(opened, studyName,
                directions, pick));
        if (stored.isPresent()) {
            return new Found(stored, lookedIn);
        }
        lookedIn.add(storageName + (storage.isEmpty() ? " (nothing stored there yet)" : " (no complete trial of the study)"));
        Optional<KnownParameters> found = file(BestParametersFile.pathFor(outputDirectory, studyName), studyName, "",
                lookedIn);
        if (found.isEmpty()) {
            found = outputFile.isPresent()
                    ? file(outputFile.get(), studyName, "tuner.output.file", lookedIn)
                    : none(lookedIn, "tuner.output.file (not set)");
        }
        if (found.isEmpty()) {
            found = productionFile.isPresent()
                    ? file(productionFile.get(), studyName, PRODUCTION_FILE_SETTING, lookedIn)
                    : resource(studyName, lookedIn);
        }
        return new Found(found, lookedIn);
    }

    private static Optional<KnownParameters> file(Path file, String studyName, String role, List<String> lookedIn) {
        Optional<KnownParameters> known = KnownParameters.ofStudy(file, studyName, role);
        if (known.isEmpty()) {
            lookedIn.add(ShownPath.of(file) + " (" + (role.isEmpty() ? "" : role + "; ")
                    + (Files.isRegularFile(file) ? "holds other studies' values only)" : "no such file)"));
        }
        return known;
    }

    private Optional<KnownParameters> resource(String studyName, List<String> lookedIn) {
        URL resource = classLoader.getResource(PRODUCTION_RESOURCE);
        String where = "classpath " + PRODUCTION_RESOURCE;
        if (resource == null) {
            return none(lookedIn, where + " (none on the test classpath)");
        }
        Optional<KnownParameters> known = KnownParameters.ofStudy(resource, where, shown(resource), studyName);
        if (known.isEmpty()) {
            lookedIn.add(where + " (" + shown(resource) + "; holds other studies' values only)");
        }
        return known;
    }

    private static Optional<KnownParameters> none(List<String> lookedIn, String place) {
        lookedIn.add(place);
        return Optional.empty();
    }

    /** A resource's location: its file, relative to the working directory, or its URL (inside a jar). */
    private static String shown(URL resource) {
        if ("file".equals(resource.getProtocol())) {
            try {
                return ShownPath.of(Path.of(resource.toURI()));
            } catch (URISyntaxException | IllegalArgumentException notAPath) {
                // shown as the URL
            }
        }
        return resource.toString();
    }
}
