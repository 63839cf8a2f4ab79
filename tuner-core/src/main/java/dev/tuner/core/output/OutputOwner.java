package dev.tuner.core.output;

import dev.tuner.core.report.HtmlReport;
import dev.tuner.core.storage.StorageName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The storage whose best a study's outputs hold, as the files say, and whether a run from another
 * storage may replace them: a run from the same storage may; a run from any storage may replace what
 * an in-memory storage wrote, which is gone with its process; nothing else may, unless asked to.
 *
 * @param storage the storage the outputs came from
 * @param inferred whether the files do not name it (written by a Tuner before outputs named their
 *     storage, or by hand), so that it is taken to be the study's default storage
 * @param file the file that says so, or that holds the values without saying
 */
record OutputOwner(StorageName storage, boolean inferred, Path file) {

    /**
     * The owner of a study's own outputs: the storage the properties file names, else the one its
     * report page names; a file that names none is taken for {@code defaultStorage}'s.
     */
    static Optional<OutputOwner> ofStudyFiles(Path properties, Path page, StorageName defaultStorage) {
        if (Files.isRegularFile(properties)) {
            Optional<StorageName> named = BestParametersFile.readHeader(properties).studies().values().stream()
                    .findFirst().flatMap(OutputHeader.Source::storage);
            return Optional.of(new OutputOwner(named.orElse(defaultStorage), named.isEmpty(), properties));
        }
        if (Files.isRegularFile(page)) {
            Optional<String> named = HtmlReport.storageOf(page);
            return Optional.of(new OutputOwner(named.map(StorageName::of).orElse(defaultStorage), named.isEmpty(), page));
        }
        return Optional.empty();
    }

    /**
     * The owner of study {@code study}'s values in a file the best of several studies is merged into:
     * the storage its line names; for a file that names no study, {@code defaultStorage} when it holds
     * one of the study's {@code knobs}; else none, and the study may be merged in.
     */
    static Optional<OutputOwner> ofMergedValues(Path file, String study, Iterable<String> knobs,
            StorageName defaultStorage) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        OutputHeader header = BestParametersFile.readHeader(file);
        Optional<OutputHeader.Source> source = header.study(study);
        if (source.isPresent()) {
            Optional<StorageName> named = source.get().storage();
            return Optional.of(new OutputOwner(named.orElse(defaultStorage), named.isEmpty(), file));
        }
        if (header.namesStudies()) {
            return Optional.empty();
        }
        var values = KnownParameters.fromFile(file).orElseThrow().values();
        for (String knob : knobs) {
            if (values.containsKey(knob)) {
                return Optional.of(new OutputOwner(defaultStorage, true, file));
            }
        }
        return Optional.empty();
    }

    /** Whether a run from {@code storage} may replace these outputs: it is their storage, or theirs is gone with its process. */
    boolean mayBeReplacedBy(StorageName storage) {
        return this.storage.equals(storage) || !this.storage.persistent();
    }

    /** How a message names the storage, saying when it is only taken to be the default. */
    String describe() {
        return inferred
                ? storage.text() + " (taken to be: " + ShownPath.of(file) + " names no storage, as a file written by hand or by an"
                        + " older Tuner does, so it counts as the study's default storage's)"
                : storage.text();
    }
}
