package dev.tuner.core.trial;

import dev.tuner.core.space.Distribution;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The knobs a trial drew, in the order it drew them: their full names and distributions, one
 * instance shared by every trial that drew the same knobs from the same distributions in the same
 * order. A long study's trials mostly draw the same few sets of knobs, so each trial keeps only its
 * values ({@link Suggestions}), not a map of its own with a copy of every name and distribution.
 *
 * <p>Shared through {@link #of}, which keeps each set weakly: a set no trial holds any longer is
 * dropped, so a process that runs many studies, or studies of custom distributions from a test's
 * class loader, keeps nothing for them once their trials are gone.
 */
final class KnobKeys {

    /** Above this many knobs, a name is found through a hash map rather than by a scan. */
    private static final int SCANNED = 8;
    private static final Map<KnobKeys, WeakReference<KnobKeys>> SHARED = new WeakHashMap<>();

    private final String[] names;
    private final Distribution[] distributions;
    private final int hash;
    /** Position by name, for sets of more than {@link #SCANNED} knobs; null for fewer. */
    private final Map<String, Integer> positions;

    private KnobKeys(String[] names, Distribution[] distributions) {
        this.names = names;
        this.distributions = distributions;
        this.hash = 31 * Arrays.hashCode(names) + Arrays.hashCode(distributions);
        if (names.length > SCANNED) {
            positions = new HashMap<>(2 * names.length);
            for (int i = 0; i < names.length; i++) {
                positions.put(names[i], i);
            }
        } else {
            positions = null;
        }
    }

    /** The shared set of these knobs; the arrays are the caller's no longer. */
    static KnobKeys of(String[] names, Distribution[] distributions) {
        KnobKeys keys = new KnobKeys(names, distributions);
        synchronized (SHARED) {
            WeakReference<KnobKeys> kept = SHARED.get(keys);
            KnobKeys shared = kept == null ? null : kept.get();
            if (shared != null) {
                return shared;
            }
            SHARED.put(keys, new WeakReference<>(keys));
            return keys;
        }
    }

    int size() {
        return names.length;
    }

    String name(int position) {
        return names[position];
    }

    Distribution distribution(int position) {
        return distributions[position];
    }

    /** The position of knob {@code name}, or -1 when the trial did not draw it. */
    int positionOf(Object name) {
        if (positions != null) {
            Integer position = positions.get(name);
            return position == null ? -1 : position;
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name || names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KnobKeys keys && hash == keys.hash && Arrays.equals(names, keys.names)
                && Arrays.equals(distributions, keys.distributions);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
