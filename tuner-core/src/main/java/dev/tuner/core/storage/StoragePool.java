package dev.tuner.core.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** Storages opened to read only, by spec. */
    private final Map<String, Storage> reading = new LinkedHashMap<>();

    /**
     * The storage {@code spec} names, as {@link Storages#open(String)} reads it; the same object
     * for the same spec.
     */
    public Storage open(String spec) {
        return open(spec, JdbcStorage.DEFAULT_OUTAGE_TIMEOUT);
    }

    /**
     * The storage {@code spec} names, as {@link Storages#open(String, Duration)} reads it; the same
     * object for the same spec, which keeps the outage timeout it was first opened with.
     */
    public Storage open(String spec, Duration outageTimeout) {
        return open.computeIfAbsent(spec.strip(), text -> Storages.open(text, outageTimeout));
    }

    /**
     * The storage {@code spec} names if it may hold studies already, to read them, without creating
     * or writing anything: the one this pool opened for {@code spec}, else what
     * {@link Storages#openToRead} opens (a journal whose file exists, read only; a database), once.
     * Never a new in-memory storage, which is empty.
     */
    public Optional<Storage> openIfPresent(String spec) {
        return openIfPresent(spec, JdbcStorage.DEFAULT_OUTAGE_TIMEOUT);
    }

    /** As {@link #openIfPresent(String)}, a database waiting through outages of up to {@code outageTimeout}. */
    public Optional<Storage> openIfPresent(String spec, Duration outageTimeout) {
        String text = spec.strip();
        if (open.containsKey(text)) {
            return Optional.of(open.get(text));
        }
        if (reading.containsKey(text)) {
            return Optional.of(reading.get(text));
        }
        // nothing is kept for a spec that names nothing yet: a search of this run may create it
        Optional<Storage> opened = Storages.openToRead(text, outageTimeout);
        opened.ifPresent(storage -> reading.put(text, storage));
        return opened;
    }

    /** Closes every storage opened; the first failure is thrown after all were tried. */
    @Override
    public void close() {
        RuntimeException first = null;
        List<Storage> storages = new ArrayList<>(open.values());
        storages.addAll(reading.values());
        for (Storage storage : storages) {
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
        reading.clear();
        if (first != null) {
            throw first;
        }
    }
}
