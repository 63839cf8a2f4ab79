package dev.tuner.core.inject;

import dev.tuner.core.trial.Trial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which trial the current thread serves: the trial whose knob values the annotated fields and
 * methods read (through the {@link TunerAgent}). Outside a trial they read their declared defaults.
 *
 * <p>{@link MethodObjective} binds the trial around each call of a {@code @Tune} method:
 *
 * <pre>{@code
 * try (TrialContext.Scope scope = TrialContext.bind(trial)) {
 *     return objective.evaluate(trial);        // new Classifier().learningRate reads this trial's value
 * }
 * }</pre>
 *
 * <p>Which threads see the trial:
 * <ul>
 *   <li>the thread that bound it;
 *   <li>threads created while it is bound, by that thread or by threads that see it: a
 *       {@code new Thread(...)} started inside the objective, and the workers of an
 *       {@code ExecutorService} created inside the objective (its threads are created when tasks
 *       are submitted, and inherit the context then);
 *   <li>tasks wrapped with {@link #wrap(Runnable)} or {@link #wrap(Callable)}, on any thread: use
 *       this for executors created outside the objective (a shared pool, the common
 *       {@code ForkJoinPool} behind parallel streams and {@code CompletableFuture.supplyAsync}),
 *       whose threads existed before the trial and so do not inherit it.
 * </ul>
 * Once the scope is closed, threads that inherited the trial see no trial any more (they read
 * defaults), so a pool kept alive past its trial cannot write into a finished trial.
 *
 * <p>Reads of annotated members from several threads at once are safe: each knob is drawn once,
 * under the trial's lock, and every thread then reads that value. Calls of {@code Trial}'s own
 * {@code suggest} methods are meant for the objective's thread.
 */
public final class TrialContext {

    private static final InheritableThreadLocal<Binding> CURRENT = new InheritableThreadLocal<>();
    /** Every open binding, for saying which trials ran when the JVM goes down under them. */
    private static final Set<Binding> OPEN = ConcurrentHashMap.newKeySet();

    private TrialContext() {}

    /**
     * Makes {@code trial} the current thread's trial until the returned scope is closed; the
     * trial bound before (if any) is current again afterwards.
     */
    public static Scope bind(Trial trial) {
        Binding binding = new Binding(Objects.requireNonNull(trial, "trial"));
        Binding previous = CURRENT.get();
        CURRENT.set(binding);
        OPEN.add(binding);
        return new Scope(binding, previous);
    }

    /**
     * The trials bound now, on any thread: those whose objective is running. For a JVM that goes
     * down mid-study (a {@code System.exit} in an objective, a signal), to say which trials it cut off.
     */
    public static List<Trial> running() {
        List<Trial> trials = new ArrayList<>();
        for (Binding binding : OPEN) {
            trials.add(binding.trial());
        }
        return trials;
    }

    /**
     * The trial the current thread serves, or empty outside a trial: the study's own, in which a knob
     * suggested by name is named as given, not by its study as through a {@code @Tune} method's
     * {@link Trial} parameter ({@code <study>.<name>}).
     */
    public static Optional<Trial> current() {
        return Optional.ofNullable(binding()).map(Binding::trial);
    }

    /** {@code task}, running in the trial current now, whichever thread runs it. */
    public static Runnable wrap(Runnable task) {
        Binding captured = binding();
        return () -> {
            Binding previous = CURRENT.get();
            CURRENT.set(captured);
            try {
                task.run();
            } finally {
                restore(previous);
            }
        };
    }

    /** {@code task}, running in the trial current now, whichever thread runs it. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Binding captured = binding();
        return () -> {
            Binding previous = CURRENT.get();
            CURRENT.set(captured);
            try {
                return task.call();
            } finally {
                restore(previous);
            }
        };
    }

    /** The open binding of the current thread, or null. */
    static Binding binding() {
        Binding binding = CURRENT.get();
        return binding != null && binding.open ? binding : null;
    }

    private static void restore(Binding previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** Ends a {@link #bind(Trial) binding}; closing twice does nothing more. */
    public static final class Scope implements AutoCloseable {

        private final Binding binding;
        private final Binding previous;

        private Scope(Binding binding, Binding previous) {
            this.binding = binding;
            this.previous = previous;
        }

        @Override
        public void close() {
            if (!binding.open) {
                return;
            }
            binding.open = false;
            OPEN.remove(binding);
            if (CURRENT.get() == binding) {
                restore(previous);
            }
        }
    }

    /**
     * One trial as bound: the trial, whether it is still bound, and the objects that the trial's
     * {@code @Choice} branches were built as (their fields hold knob values already).
     */
    static final class Binding {

        private final Trial trial;
        // small: most trials build no instance at all, and this is made for every trial
        private final Set<Object> built = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>(2)));
        private final Map<String, Object> values = new ConcurrentHashMap<>();
        private volatile boolean open = true;

        private Binding(Trial trial) {
            this.trial = trial;
        }

        Trial trial() {
            return trial;
        }

        void addBuilt(Object instance) {
            built.add(instance);
        }

        /**
         * The value of a field or method knob in this trial: drawn at the first read, from any
         * thread, then the same object for every read (a built {@code @Choice} branch included).
         */
        Object value(KnobValue knob) {
            String name = knob.knob().name();
            Object known = values.get(name);
            if (known != null) {
                return known;
            }
            // a trial hands out values from one thread at a time; objectives may read from many
            synchronized (trial) {
                known = values.get(name);
                if (known == null) {
                    // not computeIfAbsent: building a branch may read other knobs, re-entering here
                    known = knob.draw(trial);
                    values.put(name, known);
                }
                return known;
            }
        }

        boolean isBuilt(Object instance) {
            return instance != null && built.contains(instance);
        }
    }
}
