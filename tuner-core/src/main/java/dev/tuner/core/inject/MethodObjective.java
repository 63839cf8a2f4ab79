package dev.tuner.core.inject;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.study.Objective;
import dev.tuner.core.trial.Trial;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@code @Tune} method as an {@link Objective}: each evaluation creates a fresh instance of the
 * method's class, hands each annotated parameter its knob value (and a {@link Trial} parameter
 * the trial, in which the knobs it suggests by name are the study's:
 * {@code <study name>.<name>}, as a parameter's), calls the method and returns its result.
 *
 * <p>{@link #of(Method)} checks the whole declaration up front and throws an
 * {@link InvalidDeclarationException} naming the member and the fix.
 */
public final class MethodObjective implements Objective {

    private static final Set<Class<?>> NUMBER_TYPES = Set.of(double.class, float.class, int.class, long.class,
            short.class, byte.class);

    private final Method method;
    private final Constructor<?> constructor;
    private final List<Optional<KnobValue>> parameters;
    private final String studyName;
    private final Optional<String> readByAgent;

    private MethodObjective(Method method, Constructor<?> constructor, List<Optional<KnobValue>> parameters,
            String studyName, Optional<String> readByAgent) {
        this.method = method;
        this.constructor = constructor;
        this.parameters = parameters;
        this.studyName = studyName;
        this.readByAgent = readByAgent;
    }

    /**
     * The objective a {@code @Tune} method declares.
     *
     * @throws InvalidDeclarationException if the method, its class or a knob annotation cannot work
     */
    public static MethodObjective of(Method method) {
        return of(method.getDeclaringClass(), method);
    }

    /**
     * The objective a {@code @Tune} method declares, run on instances of {@code testClass}, which
     * declares or inherits it.
     *
     * @throws InvalidDeclarationException if the method, the class or a knob annotation cannot work
     */
    public static MethodObjective of(Class<?> testClass, Method method) {
        String where = "@Tune method " + describe(testClass, method);
        int modifiers = method.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers)) {
            throw new InvalidDeclarationException(where, "must be neither static nor private; "
                    + "declare it as an instance method that is at least package-private, as a JUnit @Test");
        }
        Class<?> returnType = method.getReturnType();
        if (!NUMBER_TYPES.contains(returnType) && !Number.class.isAssignableFrom(returnType)) {
            throw new InvalidDeclarationException(where, "returns " + returnType.getName()
                    + ", but the objective must be a number; return the value to optimize as a double");
        }
        Constructor<?> constructor = noArgumentConstructor(testClass, where);
        List<Optional<KnobValue>> parameters = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            parameters.add(argument(testClass, method, parameter));
        }
        Optional<String> readByAgent = checkReferencedKnobs(testClass, parameters);
        method.setAccessible(true);
        return new MethodObjective(method, constructor, parameters, studyName(testClass, method), readByAgent);
    }

    /**
     * The study name of a {@code @Tune} method run on {@code testClass}: the class's binary name and
     * the method's name. An inherited method gets a study per subclass. It is also the prefix of the
     * names of the study's own knobs: its parameters' and those it suggests through its {@link Trial}.
     */
    public static String studyName(Class<?> testClass, Method method) {
        return testClass.getName() + "." + method.getName();
    }

    /**
     * The knobs declared on the method's parameters, in parameter order; a {@code @Choice} over a
     * sealed type is one knob here, choosing among the permitted subclasses.
     */
    List<Knob> knobs() {
        return parameters.stream().flatMap(Optional::stream).map(KnobValue::knob).collect(Collectors.toList());
    }

    /**
     * Every knob the parameters may draw: each parameter's, and below a {@code @Choice} over a
     * sealed type the knobs of every branch, depth first.
     */
    List<Knob> parameterSpace() {
        return parameters.stream().flatMap(Optional::stream).flatMap(knob -> knob.knobs().stream())
                .collect(Collectors.toList());
    }

    /**
     * Every knob the study declares before it runs, by full name, with its distribution: the
     * parameters' knobs (with every branch's below a {@code @Choice} over a sealed type) and the
     * knobs declared on fields, methods and record components of the test class and the classes its
     * code refers to. Knobs suggested by name in the objective ({@link #suggestsKnobs()}) are not
     * known before a trial suggests them.
     */
    public Map<String, Distribution> declaredKnobs() {
        Map<String, Distribution> knobs = new LinkedHashMap<>();
        parameterSpace().forEach(knob -> knobs.put(knob.name(), knob.distribution()));
        for (Class<?> type : ReferencedClasses.from(constructor.getDeclaringClass())) {
            MemberKnobs.declaredBy(type).forEach(member -> member.knobs()
                    .forEach(knob -> knobs.putIfAbsent(knob.name(), knob.distribution())));
        }
        return knobs;
    }

    /** Whether the method takes a {@link Trial}, through which it may suggest knobs by name. */
    public boolean suggestsKnobs() {
        return Arrays.stream(method.getParameterTypes()).anyMatch(type -> type == Trial.class);
    }

    /**
     * Draws the knob of each annotated parameter (for a {@code @Choice} over a sealed type, which
     * branch): values only, without building a branch or running the class's code.
     */
    @Override
    public void prepare(Trial trial) {
        for (Optional<KnobValue> parameter : parameters) {
            if (parameter.isPresent()) {
                Knob knob = parameter.get().knob();
                trial.suggest(knob.name(), knob.distribution());
            }
        }
    }

    /**
     * Calls the method with {@code trial} bound as the {@link TrialContext} of this thread (and of
     * the threads the method starts), so annotated fields and methods read its values; unbinds after.
     */
    @Override
    @SuppressWarnings("try") // the scope is only closed
    public double evaluate(Trial trial) throws Exception {
        Object result;
        try (TrialContext.Scope scope = TrialContext.bind(trial)) {
            Object[] arguments = new Object[parameters.size()];
            Trial studyKnobs = new StudyKnobTrial(trial, studyName);
            for (int i = 0; i < arguments.length; i++) {
                Optional<KnobValue> knob = parameters.get(i);
                arguments[i] = knob.isPresent() ? knob.get().draw(trial) : studyKnobs;
            }
            result = method.invoke(constructor.newInstance(), arguments);
        } catch (InvocationTargetException thrown) {
            // show the objective's own exception, not reflection's wrapper
            Throwable cause = thrown.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
        if (result == null) {
            throw new IllegalStateException("@Tune method " + describe(constructor.getDeclaringClass(), method)
                    + " returned null; return the objective value as a number");
        }
        return ((Number) result).doubleValue();
    }

    /**
     * The first knob on a field or method that this method's code can reach, which only the
     * {@link TunerAgent} can hand a trial's value ({@code field com.acme.Classifier.learningRate});
     * empty when every knob is a parameter of the method, or built from a parameter's
     * {@code @Choice}, and the study runs without the agent.
     */
    public Optional<String> knobReadByAgent() {
        return readByAgent;
    }

    /** The method as messages name it: {@code com.acme.Tuning.quad1(double)}. */
    String describe() {
        return describe(constructor.getDeclaringClass(), method);
    }

    /**
     * Fails discovery for an invalid knob in the test class or in a class its code refers to,
     * rather than at the first read in a trial; returns the first knob read through the agent.
     */
    private static Optional<String> checkReferencedKnobs(Class<?> testClass, List<Optional<KnobValue>> parameters) {
        Set<Class<?>> built = parameters.stream().flatMap(Optional::stream)
                .flatMap(knob -> knob.builtClasses().stream()).collect(Collectors.toSet());
        Optional<String> readByAgent = Optional.empty();
        for (Class<?> type : ReferencedClasses.from(testClass)) {
            MemberKnobs.declaredBy(type);
            if (readByAgent.isEmpty()) {
                readByAgent = MemberKnobs.readByAgent(type, built.contains(type));
            }
        }
        return readByAgent;
    }

    private static Optional<KnobValue> argument(Class<?> testClass, Method method, Parameter parameter) {
        if (parameter.getType() == Trial.class) {
            return Optional.empty();
        }
        String where = "parameter '" + parameter.getName() + "' of @Tune method " + describe(testClass, method);
        if (!parameter.isNamePresent()) {
            throw new InvalidDeclarationException(where, "parameter names are missing from the class file, so the "
                    + "knob has no name; compile with -parameters (maven-compiler-plugin: "
                    + "<parameters>true</parameters>)");
        }
        String name = studyName(testClass, method) + "." + parameter.getName();
        return Optional.of(KnobValue.of(parameter, parameter.getType(), name, where).orElseThrow(() ->
                new InvalidDeclarationException(where, "has no knob annotation; annotate it with @Uniform, "
                        + "@LogUniform, @IntUniform or @Choice, or declare it as dev.tuner.core.trial.Trial")));
    }

    private static Constructor<?> noArgumentConstructor(Class<?> type, String where) {
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new InvalidDeclarationException(where, type.getName()
                    + " is abstract, so no instance can run the trials; make it a concrete class");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new InvalidDeclarationException(where, type.getName()
                    + " is an inner class; declare it static or top-level so that it can be instantiated");
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException missing) {
            throw new InvalidDeclarationException(where, type.getName()
                    + " has no constructor without arguments; add one, as JUnit test classes have");
        }
    }

    /** {@code com.acme.Tuning.quad1(double)}: the method as run on {@code testClass}, as messages name it. */
    public static String describe(Class<?> testClass, Method method) {
        String parameterTypes = Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName)
                .collect(Collectors.joining(", "));
        return testClass.getName() + "." + method.getName() + "(" + parameterTypes + ")";
    }
}
