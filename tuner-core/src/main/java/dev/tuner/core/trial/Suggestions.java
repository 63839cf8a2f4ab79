package dev.tuner.core.trial;

import dev.tuner.core.space.Distribution;
import java.util.AbstractCollection;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * A {@link FrozenTrial}'s suggestions, by full knob name in drawing order, as compact as they can
 * be kept: the names and distributions shared with every trial that drew the same knobs
 * ({@link KnobKeys}), and this trial's internal values in fields (up to four knobs) or an array.
 * Immutable; its entries and {@link Suggestion}s are made as they are read.
 *
 * <p>A 100,000-trial study is held by every worker that samples it, so each trial's share counts:
 * a map of its own took about 700 bytes of a three-knob trial read from a journal, this takes 40
 * ({@code benchmarks/run memory}; {@code benchmarks/README.md}, "Memory per worker").
 */
abstract sealed class Suggestions implements Map<String, Suggestion> {

    private static final Suggestions NONE = new Many(KnobKeys.of(new String[0], new Distribution[0]), new double[0]);

    final KnobKeys keys;

    private Suggestions(KnobKeys keys) {
        this.keys = keys;
    }

    /** The suggestions of {@code drawn}, in its order. */
    static Map<String, Suggestion> of(Map<String, Suggestion> drawn) {
        if (drawn instanceof Suggestions compact) {
            return compact;
        }
        if (drawn.isEmpty()) {
            return NONE;
        }
        int size = drawn.size();
        String[] names = new String[size];
        Distribution[] distributions = new Distribution[size];
        double[] internals = new double[size];
        int i = 0;
        for (Map.Entry<String, Suggestion> entry : drawn.entrySet()) {
            names[i] = entry.getKey();
            distributions[i] = entry.getValue().distribution();
            internals[i] = entry.getValue().internal();
            i++;
        }
        KnobKeys keys = KnobKeys.of(names, distributions);
        return switch (size) {
            case 1 -> new One(keys, internals[0]);
            case 2 -> new Two(keys, internals[0], internals[1]);
            case 3 -> new Three(keys, internals[0], internals[1], internals[2]);
            case 4 -> new Four(keys, internals[0], internals[1], internals[2], internals[3]);
            default -> new Many(keys, internals);
        };
    }

    /** The internal value of the knob at {@code position}. */
    abstract double internal(int position);

    private Suggestion suggestion(int position) {
        return new Suggestion(keys.distribution(position), internal(position));
    }

    @Override
    public int size() {
        return keys.size();
    }

    @Override
    public boolean isEmpty() {
        return keys.size() == 0;
    }

    @Override
    public boolean containsKey(Object name) {
        return keys.positionOf(name) >= 0;
    }

    @Override
    public boolean containsValue(Object value) {
        return values().contains(value);
    }

    @Override
    public Suggestion get(Object name) {
        int position = keys.positionOf(name);
        return position < 0 ? null : suggestion(position);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Suggestion> action) {
        for (int i = 0; i < keys.size(); i++) {
            action.accept(keys.name(i), suggestion(i));
        }
    }

    @Override
    public Suggestion put(String name, Suggestion suggestion) {
        throw unchangeable();
    }

    @Override
    public Suggestion remove(Object name) {
        throw unchangeable();
    }

    @Override
    public void putAll(Map<? extends String, ? extends Suggestion> suggestions) {
        throw unchangeable();
    }

    @Override
    public void clear() {
        throw unchangeable();
    }

    private static UnsupportedOperationException unchangeable() {
        return new UnsupportedOperationException("a frozen trial's suggestions do not change; copy them into a map of your own");
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.size();
            }

            @Override
            public boolean contains(Object name) {
                return keys.positionOf(name) >= 0;
            }

            @Override
            public Iterator<String> iterator() {
                return new Positions<>(keys.size(), keys::name);
            }
        };
    }

    @Override
    public Collection<Suggestion> values() {
        return new AbstractCollection<>() {
            @Override
            public int size() {
                return keys.size();
            }

            @Override
            public Iterator<Suggestion> iterator() {
                return new Positions<>(keys.size(), Suggestions.this::suggestion);
            }
        };
    }

    @Override
    public Set<Map.Entry<String, Suggestion>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.size();
            }

            @Override
            public Iterator<Map.Entry<String, Suggestion>> iterator() {
                return new Positions<>(keys.size(), i -> new SimpleImmutableEntry<>(keys.name(i), suggestion(i)));
            }
        };
    }

    /** Equal to any map of the same names to equal suggestions, as {@link Map#equals} says. */
    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof Map<?, ?> map) || map.size() != size()) {
            return false;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (!suggestion(i).equals(map.get(keys.name(i)))) {
                return false;
            }
        }
        return true;
    }

    /** The sum of the entries' hash codes, as {@link Map#hashCode} says. */
    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < keys.size(); i++) {
            hash += Objects.hashCode(keys.name(i)) ^ suggestion(i).hashCode();
        }
        return hash;
    }

    /** As any map's: {@code {name=suggestion, ...}}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < keys.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(keys.name(i)).append('=').append(suggestion(i));
        }
        return text.append('}').toString();
    }

    /** The items at positions 0 to {@code size - 1}, in order. */
    private static final class Positions<T> implements Iterator<T> {
        private final int size;
        private final IntFunction<T> item;
        private int next;

        Positions(int size, IntFunction<T> item) {
            this.size = size;
            this.item = item;
        }

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public T next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            return item.apply(next++);
        }
    }

    private static final class One extends Suggestions {
        private final double first;

        One(KnobKeys keys, double first) {
            super(keys);
            this.first = first;
        }

        @Override
        double internal(int position) {
            return first;
        }
    }

    private static final class Two extends Suggestions {
        private final double first;
        private final double second;

        Two(KnobKeys keys, double first, double second) {
            super(keys);
            this.first = first;
            this.second = second;
        }

        @Override
        double internal(int position) {
            return position == 0 ? first : second;
        }
    }

    private static final class Three extends Suggestions {
        private final double first;
        private final double second;
        private final double third;

        Three(KnobKeys keys, double first, double second, double third) {
            super(keys);
            this.first = first;
            this.second = second;
            this.third = third;
        }

        @Override
        double internal(int position) {
            return position == 0 ? first : position == 1 ? second : third;
        }
    }

    private static final class Four extends Suggestions {
        private final double first;
        private final double second;
        private final double third;
        private final double fourth;

        Four(KnobKeys keys, double first, double second, double third, double fourth) {
            super(keys);
            this.first = first;
            this.second = second;
            this.third = third;
            this.fourth = fourth;
        }

        @Override
        double internal(int position) {
            return position == 0 ? first : position == 1 ? second : position == 2 ? third : fourth;
        }
    }

    private static final class Many extends Suggestions {
        private final double[] internals;

        Many(KnobKeys keys, double[] internals) {
            super(keys);
            this.internals = internals;
        }

        @Override
        double internal(int position) {
            return internals[position];
        }
    }
}
