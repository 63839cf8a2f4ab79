package dev.tuner.benchmarks.quality;

import dev.tuner.Direction;
import dev.tuner.Tune;
import dev.tuner.core.plan.StudyOverrides;
import dev.tuner.core.plan.StudyPlan;
import dev.tuner.core.study.Objective;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Objective classes given by name ({@code --objective com.acme.MyProblems}): every {@code @Tune}
 * method of each class, declared or inherited, becomes a problem named
 * {@code <SimpleClass>.<method>}, its space the method's annotated knobs and its direction that of
 * {@code @Tune}. Each run goes through {@link StudyPlan#of(Class, Method, StudyOverrides)}, with
 * the harness's sampler, seed and budget as overrides.
 *
 * <p>The optimum is unknown unless the class (or a superclass) declares a static numeric field
 * {@code OPTIMUM_<method>}, e.g. {@code static final double OPTIMUM_peak = 1.0;}. Gaps to the
 * optimum, and so r and the score, exist only for problems with a known optimum (and r only for
 * those the reference file has Optuna's figures for, under the problem's full name or else under
 * the method's name alone: a method {@code branin} is scored against the reference's
 * {@code branin}).
 *
 * <p>Classes are looked up on the harness's classpath and on the extra entries of
 * {@code --classpath dir:jar} (through a {@link URLClassLoader} whose parent is the harness's
 * loader, so Tuner's annotations are shared).
 */
final class ObjectiveClasses {

    /** The prefix of the static field that gives a method's optimum. */
    static final String OPTIMUM_PREFIX = "OPTIMUM_";

    private ObjectiveClasses() {}

    /** The problems of the named classes, in the order given, each class's methods by name. */
    static List<Problem> problems(List<String> classNames, String extraClasspath) {
        ClassLoader loader = loader(extraClasspath);
        List<Problem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String className : classNames) {
            Class<?> type;
            try {
                type = Class.forName(className.strip(), true, loader);
            } catch (ClassNotFoundException | LinkageError missing) {
                throw new IllegalArgumentException("no objective class '" + className + "' on the classpath"
                        + (extraClasspath.isBlank() ? "; add its directory or jar with --classpath" : " nor in "
                        + extraClasspath), missing);
            }
            List<Method> methods = tuneMethods(type);
            if (methods.isEmpty()) {
                throw new IllegalArgumentException("objective class " + type.getName() + " has no @Tune method");
            }
            for (Method method : methods) {
                Problem problem = new TunedMethod(type, method);
                // checks the whole declaration now, not in the middle of a run
                StudyPlan.of(type, method, overrides("random", 0, 1));
                if (!names.add(problem.name())) {
                    throw new IllegalArgumentException("two objective problems are named " + problem.name()
                            + "; give classes with different simple names");
                }
                problems.add(problem);
            }
        }
        return problems;
    }

    /** The {@code @Tune} methods a class declares or inherits (an overridden one once), by name. */
    static List<Method> tuneMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        Set<String> signatures = new HashSet<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Method method : current.getDeclaredMethods()) {
                String signature = method.getName() + List.of(method.getParameterTypes());
                if (method.isSynthetic() || method.isBridge() || !signatures.add(signature)) {
                    continue;
                }
                if (method.isAnnotationPresent(Tune.class)) {
                    methods.add(method);
                }
            }
        }
        methods.sort(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount));
        return methods;
    }

    /** The value of the static field {@code OPTIMUM_<method>} of the class or a superclass, if any. */
    static OptionalDouble optimum(Class<?> type, String methodName) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            try {
                Field field = current.getDeclaredField(OPTIMUM_PREFIX + methodName);
                if (!Modifier.isStatic(field.getModifiers())) {
                    throw new IllegalArgumentException(field + " must be static to give the optimum");
                }
                field.setAccessible(true);
                Object value = field.get(null);
                if (!(value instanceof Number number)) {
                    throw new IllegalArgumentException(field + " must be a number to give the optimum");
                }
                return OptionalDouble.of(number.doubleValue());
            } catch (NoSuchFieldException absent) {
                // look in the superclass
            } catch (IllegalAccessException unreadable) {
                throw new IllegalArgumentException("cannot read " + current.getName() + "." + OPTIMUM_PREFIX
                        + methodName, unreadable);
            }
        }
        return OptionalDouble.empty();
    }

    private static StudyOverrides overrides(String samplerName, long seed, int trials) {
        return new StudyOverrides(OptionalInt.of(trials), OptionalLong.of(seed), Optional.of(samplerName));
    }

    private static ClassLoader loader(String extraClasspath) {
        ClassLoader parent = ObjectiveClasses.class.getClassLoader();
        if (extraClasspath == null || extraClasspath.isBlank()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : extraClasspath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                urls.add(Path.of(entry).toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException bad) {
                throw new IllegalArgumentException("bad --classpath entry '" + entry + "'", bad);
            }
        }
        // lives as long as the run: the problems' classes are loaded through it
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /** A {@code @Tune} method as a problem. */
    private static final class TunedMethod implements Problem {

        private final Class<?> type;
        private final Method method;
        private final Direction direction;
        private final OptionalDouble optimum;

        TunedMethod(Class<?> type, Method method) {
            this.type = type;
            this.method = method;
            this.direction = method.getAnnotation(Tune.class).direction();
            this.optimum = ObjectiveClasses.optimum(type, method.getName());
        }

        @Override
        public String name() {
            return type.getSimpleName() + "." + method.getName();
        }

        /** The method's name: a reference file names its functions without a class ({@code branin}). */
        @Override
        public String referenceName() {
            return method.getName();
        }

        @Override
        public Direction direction() {
            return direction;
        }

        @Override
        public OptionalDouble optimum() {
            return optimum;
        }

        @Override
        public Objective objective(String samplerName, long seed, int trials) {
            return StudyPlan.of(type, method, overrides(samplerName, seed, trials)).objective();
        }
    }
}
