package dev.tuner.core.report;

import dev.tuner.core.storage.StorageName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes a study's HTML report: a page of plots for the study, and the directory's
 * {@code index.html} listing every study page in it.
 *
 * <pre>{@code
 * Path page = new HtmlReport(Clock.systemUTC()).write(Path.of("target/tuner"), StudySnapshot.of(study));
 * // target/tuner/com.acme.ClassifierTuning.accuracy.html and target/tuner/index.html
 * }</pre>
 *
 * <p>A page shows the optimization history, the importance of each knob ({@link KnobImportance}),
 * a slice plot per knob, parallel coordinates, the intermediate values when trials reported any, each
 * knob's samples against its prior, and a sortable table of the trials. Pages are self-contained:
 * the plots are inline SVG drawn here, the stylesheet and the small sorting script are inline, and
 * nothing is loaded from the network when the page is viewed. Studies of many thousand trials draw a
 * sample of their points (the best ones and an even spread of the rest) and say so on the plot.
 *
 * <p>While a study runs, {@link #writeRunning} rewrites its page and the index as it goes; they say
 * so ({@code running — updated <time>}) and reload themselves in a browser until the page written at
 * the end ({@link #write}, {@code finished <time>}) or when the run stopped ({@link #writeStopped})
 * replaces them.
 *
 * <p>Each file is replaced whole (a temporary file, then a move), and the index is rebuilt from the
 * pages present, under a lock on {@code .report.lock} in the directory, so that the studies of one
 * build, run one after another or by several processes, all end up listed.
 */
public final class HtmlReport {

    /** Serializes writers of this JVM; the file lock serializes processes but cannot be held twice by one JVM. */
    private static final ReentrantLock WRITERS = new ReentrantLock();

    private final Clock clock;

    /** A writer that dates pages by {@code clock}. */
    public HtmlReport(Clock clock) {
        this.clock = clock;
    }

    /** The page a study's report goes to: {@code <directory>/<study name>.html}, unsafe characters as {@code _}. */
    public static Path pageFor(Path directory, String studyName) {
        return directory.resolve(StudyPage.fileName(studyName));
    }

    /** The index of the report directory: {@code <directory>/index.html}. */
    public static Path indexFor(Path directory) {
        return directory.resolve(ReportIndex.FILE_NAME);
    }

    /**
     * The storage a report page says its study was read from, as {@link StorageName#text()} gave
     * it; empty for a page that names none (written by an older Tuner) or is not a study page.
     */
    public static Optional<String> storageOf(Path page) {
        return ReportIndex.summary(page).map(StudySummary::storage);
    }

    /**
     * Writes the study's page to {@link #pageFor} and rebuilds the directory's index.
     *
     * @return the page written
     * @throws UncheckedIOException if the directory cannot be written, naming it
     */
    public Path write(Path directory, StudySnapshot study) {
        return write(directory, study, "");
    }

    /**
     * Writes the study's page, which names the sampler that searched it ({@code sampler}, e.g.
     * {@code auto: gp from #0 (...)}; none when empty), and rebuilds the directory's index.
     *
     * @return the page written
     * @throws UncheckedIOException if the directory cannot be written, naming it
     */
    public Path write(Path directory, StudySnapshot study, String sampler) {
        return write(pageFor(directory, study.name()), study, sampler, null);
    }

    /**
     * Writes the study's page to {@code page}, naming the sampler that searched it (none when
     * empty) and the storage it was read from, and rebuilds the index of the page's directory.
     *
     * @return the page written
     * @throws UncheckedIOException if the directory cannot be written, naming it
     */
    public Path write(Path page, StudySnapshot study, String sampler, StorageName storage) {
        return write(page, study, sampler, storage, StudySummary.FINISHED, Duration.ZERO);
    }

    /**
     * Writes the page of a study that is still running, as {@link #write(Path, StudySnapshot, String,
     * StorageName)} writes a finished one, and rebuilds the index: both say the study runs, when they
     * were written, and reload themselves in a browser every {@code refresh} until a later write says
     * the study ended (or, should none come, until no write came for ten times {@code refresh} and at
     * least ten minutes, as after a killed run).
     *
     * @return the page written
     * @throws IllegalArgumentException if {@code refresh} is not positive
     * @throws UncheckedIOException if the directory cannot be written, naming it
     */
    public Path writeRunning(Path page, StudySnapshot study, String sampler, StorageName storage, Duration refresh) {
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("a running study's page reloads every " + refresh + ", which is not"
                    + " a positive time; give HtmlReport.writeRunning a refresh of at least 1 ms");
        }
        return write(page, study, sampler, storage, StudySummary.RUNNING, refresh);
    }

    /**
     * Writes the page of a study whose run stopped before its end (its objective or storage failed, or
     * the process is being shut down), and rebuilds the index: they say so, with the trials that
     * finished, and no longer reload themselves.
     *
     * @return the page written
     * @throws UncheckedIOException if the directory cannot be written, naming it
     */
    public Path writeStopped(Path page, StudySnapshot study, String sampler, StorageName storage) {
        return write(page, study, sampler, storage, StudySummary.STOPPED, Duration.ZERO);
    }

    private Path write(Path page, StudySnapshot study, String sampler, StorageName storage, String state,
            Duration refresh) {
        Path directory = page.toAbsolutePath().getParent();
        Instant now = Instant.now(clock);
        // the trials are read into columns once, for all the plots
        TrialColumns columns = TrialColumns.of(study);
        StudySummary summary = StudyPage.summary(columns, page.getFileName().toString(), now,
                storage == null ? null : storage.text()).withState(state, refresh.toMillis());
        String html = StudyPage.render(columns, summary, sampler);
        WRITERS.lock();
        try {
            Files.createDirectories(directory);
            try (FileChannel lockFile = FileChannel.open(directory.resolve(".report.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                AtomicFile.write(page, html, StandardCharsets.UTF_8);
                AtomicFile.write(indexFor(directory), ReportIndex.render(ReportIndex.read(directory, summary), now),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write the HTML report of study '" + study.name() + "' to "
                    + directory.toAbsolutePath() + ": " + failed + "; check that the directory is writable, or turn "
                    + "the report off (tuner.report=false)", failed);
        } finally {
            WRITERS.unlock();
        }
        return page;
    }
}
