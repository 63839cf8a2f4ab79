package dev.tuner.core.output;

import dev.tuner.core.report.HtmlReport;
import dev.tuner.core.report.StudySnapshot;
import dev.tuner.core.storage.StorageName;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.ParetoPick;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes what the end of a study leaves behind, each file naming the storage the study was read
 * from: its best parameters ({@code <study>.properties}), its report page ({@code <study>.html}),
 * and its best merged into a file of several studies' values, such as production's
 * {@code tuner.properties}, when one is given.
 *
 * <pre>{@code
 * StudyOutputs outputs = new StudyOutputs(Path.of("target/tuner"), Optional.empty(), true, false, Clock.systemUTC());
 * StudyOutputs.Written written = outputs.write(StudySnapshot.of(study),
 *         StorageName.of("journal:target/tuner/journal.jsonl"), StorageName.of(Storages.DEFAULT), "tpe");
 * written.warnings().forEach(System.err::println);
 * }</pre>
 *
 * <p>A study of several objectives also leaves its Pareto set ({@code <study>.pareto.csv}), and its
 * properties file holds the trial of that set its {@link ParetoPick} picks.
 *
 * <p>A study's outputs belong to the storage they came from, so that a side run of the study on
 * another storage (an IDE run on a scratch journal, a test on {@code memory:}) cannot put its
 * short study's best where the main one is read and copied into production. Such a run writes
 * its own outputs beside them, as {@code <study>@<storage tag>.properties} and {@code .html}, does
 * not merge into the file of several studies, and warns, naming both storages, what it wrote, and
 * how to make its storage the study's own. A run may replace outputs of its own storage, and of an
 * in-memory storage (gone with its process); with {@code replace} it may replace those of any other
 * persistent storage too. An in-memory storage never replaces a persistent storage's outputs. Files
 * that name no storage (written by hand, or by an older Tuner) count as the study's default
 * storage's: {@code @Tune(storage)}, else {@link dev.tuner.core.storage.Storages#DEFAULT}.
 */
public final class StudyOutputs {

    /** The setting that lets a run replace the outputs of another persistent storage: {@value}. */
    public static final String REPLACE_SETTING = "tuner.output.replace";

    /** Why an in-memory run replaces no persistent storage's outputs, and what to do instead. */
    private static final String IN_MEMORY = "A study in memory: is gone when its run ends, so it never replaces a"
            + " persistent storage's outputs, even with " + REPLACE_SETTING + "=true; run the study in a journal or a"
            + " database (tuner.storage) to keep them";

    private final Path directory;
    private final Optional<Path> mergeInto;
    private final boolean report;
    private final boolean replace;
    private final Clock clock;

    /**
     * Outputs written to {@code directory}, and merged into {@code mergeInto} if present.
     *
     * @param report whether to write the HTML report page too
     * @param replace whether a run may replace the outputs of another persistent storage
     * @param clock what dates the files
     */
    public StudyOutputs(Path directory, Optional<Path> mergeInto, boolean report, boolean replace, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.mergeInto = Objects.requireNonNull(mergeInto, "mergeInto");
        this.report = report;
        this.replace = replace;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What {@link #write} wrote.
     *
     * @param properties the best parameters file
     * @param page the report page, unless the report is off
     * @param merged the file of several studies the best was merged into, if it was
     * @param warnings what was left as it was, and why, one message each
     * @param pareto the Pareto set file of a study of several objectives; empty for one objective
     * @param trial the trial whose values the properties hold: the best, or the one picked from the Pareto set
     * @param picked how that trial was picked from the Pareto set ({@code knee of 7 Pareto trials}); empty for one objective
     */
    public record Written(Path properties, Optional<Path> page, Optional<Path> merged, List<String> warnings,
            Optional<Path> pareto, FrozenTrial trial, String picked) {

        public Written {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Writes the outputs of {@code study}, read from {@code storage}, whose default storage (the
     * one it names when a run names none) is {@code defaultStorage}.
     *
     * @param sampler the sampler as the report page names it, e.g. {@code auto: gp from #0 (...)}; none when empty
     * @throws IllegalStateException if the study has no complete trial
     * @throws java.io.UncheckedIOException if a file cannot be read or written
     */
    public Written write(StudySnapshot study, StorageName storage, StorageName defaultStorage, String sampler) {
        return write(study, BestParametersFile.defaultPick(study), storage, defaultStorage, sampler);
    }

    /**
     * Writes the outputs of {@code study} as {@link #write(StudySnapshot, StorageName, StorageName, String)}
     * does; for a study of several objectives, its Pareto set too, and in its properties the trial
     * {@code pick} picks from that set.
     *
     * @throws IllegalStateException if the study has no complete trial that meets every constraint
     * @throws java.io.UncheckedIOException if a file cannot be read or written
     */
    public Written write(StudySnapshot study, ParetoPick pick, StorageName storage, StorageName defaultStorage,
            String sampler) {
        PickedTrial picked = PickedTrial.of(study, pick);
        FrozenTrial best = picked.trial();
        List<String> warnings = new ArrayList<>();
        Path mainProperties = BestParametersFile.pathFor(directory, study.name());
        Path mainPage = HtmlReport.pageFor(directory, study.name());
        Optional<OutputOwner> owner = OutputOwner.ofStudyFiles(mainProperties, mainPage, defaultStorage);
        boolean main = owner.isEmpty() || mayReplace(owner.get(), storage);
        String name = main ? study.name() : study.name() + "@" + storage.tag();
        Path properties = new BestParametersFile(clock).write(BestParametersFile.pathFor(directory, name), study, picked,
                storage);
        Optional<Path> pareto = study.isMultiObjective()
                ? Optional.of(ParetoFile.write(ParetoFile.pathFor(directory, name), study))
                : Optional.empty();
        Optional<Path> page = report
                ? Optional.of(new HtmlReport(clock).write(HtmlReport.pageFor(directory, name), study, sampler, storage))
                : Optional.empty();
        if (!main) {
            warnings.add("study " + study.name() + ": " + ShownPath.of(owner.get().file()) + " holds the best of "
                    + owner.get().describe() + ", not of this run's storage " + storage + ", so it is left as it is;"
                    + " this run wrote its best to " + ShownPath.of(properties)
                    + page.map(written -> " and its report to " + ShownPath.of(written)).orElse("")
                    + (storage.persistent()
                            ? ". To make " + storage + " the study's storage, delete " + ShownPath.of(mainProperties)
                                    + (report ? " and " + ShownPath.of(mainPage) : "") + ", or run with "
                                    + REPLACE_SETTING + "=true"
                            : ". " + IN_MEMORY));
        }
        Optional<Path> merged = Optional.empty();
        if (mergeInto.isPresent()) {
            Path target = mergeInto.get();
            Optional<OutputOwner> values = OutputOwner.ofMergedValues(target, study.name(), best.params().keySet(),
                    defaultStorage);
            if (values.isEmpty() || mayReplace(values.get(), storage)) {
                merged = Optional.of(new BestParametersFile(clock).mergeInto(target, study, picked, storage));
            } else {
                warnings.add("study " + study.name() + ": its best from " + storage + " is not merged into "
                        + ShownPath.of(target) + ", whose values of the study came from " + values.get().describe()
                        + "; they are in " + ShownPath.of(properties)
                        + (storage.persistent()
                                ? ". To make " + storage + " the study's storage, remove the line '# study "
                                        + study.name() + ": …' (or, in a file that names no study, the study's keys)"
                                        + " from " + ShownPath.of(target) + ", or run with " + REPLACE_SETTING + "=true"
                                : ". " + IN_MEMORY));
            }
        }
        return new Written(properties, page, merged, warnings, pareto, best, picked.picked());
    }

    /**
     * The report of {@code studyName}, read from {@code storage}, rewritten while it runs, to the page
     * {@link #write} will write at its end (the study's own, or {@code <study>@<storage tag>.html}
     * beside it); a report that writes nothing when the report is off or {@code settings} say so.
     *
     * @param trials reads the study as it stands, on the report's own thread
     * @param sampler the sampler as the page names it; none when empty
     */
    public LiveReport live(String studyName, StorageName storage, StorageName defaultStorage, String sampler,
            Supplier<StudySnapshot> trials, LiveReport.Settings settings) {
        if (!report || !settings.on()) {
            return LiveReport.off();
        }
        Path page = HtmlReport.pageFor(directory, ownName(studyName, storage, defaultStorage));
        HtmlReport writer = new HtmlReport(clock);
        return LiveReport.started(new LiveReport.Pages() {
            @Override
            public void running() {
                writer.writeRunning(page, trials.get(), sampler, storage, settings.every());
            }

            @Override
            public void stopped() {
                writer.writeStopped(page, trials.get(), sampler, storage);
            }

            @Override
            public String describe() {
                return "study " + studyName + "'s page " + ShownPath.of(page);
            }
        }, settings, clock);
    }

    /**
     * The name a run from {@code storage} writes the study's outputs under: the study's, unless they
     * hold another persistent storage's best that this run may not replace; then {@code <study>@<tag>}.
     */
    private String ownName(String studyName, StorageName storage, StorageName defaultStorage) {
        Optional<OutputOwner> owner = OutputOwner.ofStudyFiles(BestParametersFile.pathFor(directory, studyName),
                HtmlReport.pageFor(directory, studyName), defaultStorage);
        return owner.isEmpty() || mayReplace(owner.get(), storage) ? studyName : studyName + "@" + storage.tag();
    }

    private boolean mayReplace(OutputOwner owner, StorageName storage) {
        return owner.mayBeReplacedBy(storage) || replace && storage.persistent();
    }
}
