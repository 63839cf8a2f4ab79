package dev.tuner.core.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps its {@code kept} most recently used entries: a cache of what a storage writes
 * again and again (names, distributions) that cannot grow without bound when a caller makes a new
 * key for every trial.
 */
final class RecentlyUsed<K, V> extends LinkedHashMap<K, V> {

    private static final long serialVersionUID = 1L;

    private final int kept;

    RecentlyUsed(int kept) {
        super(16, 0.75f, true);
        this.kept = kept;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > kept;
    }
}
