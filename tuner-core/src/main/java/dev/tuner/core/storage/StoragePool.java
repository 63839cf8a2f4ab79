package dev.tuner.core.storage;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The storages one run uses, each opened once however many studies name it, and closed together
 * at the end of the run. Not thread-safe: one run opens its storages from one thread.
 *
 * <pre>{@code
 * try (StoragePool storages = new StoragePool()) {
 *     Study study = plan.newStudy(storages.open(plan.storage()));
 *     ...
 * }
 * }</pre>
 */
public final class StoragePool implements AutoCloseable {

    private final Map<String, Storage> open = new LinkedHashMap<>();

    /**
     * The storage {@code spec} names, as {@link Storages#open(String)} reads it; the same object
     * for the same spec.
     */
    public Storage open(String spec) {
        return open.computeIfAbsent(spec.strip(), Storages::open);
    }

    /**
     * The storage {@code spec} names if it may hold studies already, without creating anything: a
     * journal whose file exists, or a database; never a new in-memory storage, which is empty.
     */
    public Optional<Storage> openIfPresent(String spec) {
        String text = spec.strip();
        if (open.containsKey(text)) {
            return Optional.of(open.get(text));
        }
        if (text.startsWith("memory")) {
            return Optional.empty();
        }
        if (text.startsWith("journal:") && !Files.isRegularFile(Storages.journalFile(text.substring("journal:".length())))) {
            return Optional.empty();
        }
        return Optional.of(open(text));
    }

    /** Closes every storage opened; the first failure is thrown after all were tried. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (Storage storage : open.values()) {
            try {
                storage.close();
            } catch (RuntimeException failed) {
                if (first == null) {
                    first = failed;
                } else {
                    first.addSuppressed(failed);
                }
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
