package dev.tuner.core.inject;

import dev.tuner.Direction;
import dev.tuner.Tune;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.study.MultiObjective;
import dev.tuner.core.study.Objective;
import dev.tuner.core.trial.ParetoPick;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialHistory;
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
    /** The record the method returns, read as objectives and constraints; empty when it returns a number. */
    private final Optional<RecordOutcome> outcome;
    private final List<Direction> directions;
    private final ParetoPick pick;

    private MethodObjective(Method method, Constructor<?> constructor, List<Optional<KnobValue>> parameters,
            String studyName, Optional<String> readByAgent, Optional<RecordOutcome> outcome, List<Direction> directions,
            ParetoPick pick) {
        this.method = method;
        this.constructor = constructor;
        this.parameters = parameters;
        this.studyName = studyName;
        this.readByAgent = readByAgent;
        this.outcome = outcome;
        this.directions = directions;
        this.pick = pick;
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
        Tune tune = method.getAnnotation(Tune.class);
        Optional<RecordOutcome> outcome = Optional.empty();
        List<Direction> directions;
        ParetoPick pick;
        if (returnType.isRecord()) {
            outcome = Optional.of(RecordOutcome.of(returnType, where));
            if (tune != null && tune.direction() != Direction.MINIMIZE) {
                throw new InvalidDeclarationException(where, "returns record " + returnType.getName() + " and sets"
                        + " @Tune(direction = " + tune.direction() + "), but a record gives each objective's direction on"
                        + " its component; remove direction from @Tune and mark the components @Maximize or @Minimize");
            }
            directions = outcome.get().directions();
            try {
                pick = ParetoPick.parse(tune == null ? "" : tune.pick(), outcome.get().objectiveNames());
            } catch (IllegalArgumentException invalid) {
                throw new InvalidDeclarationException(where, "@Tune(" + invalid.getMessage() + ")");
            }
        } else if (NUMBER_TYPES.contains(returnType) || Number.class.isAssignableFrom(returnType)) {
            if (tune != null && !tune.pick().isBlank()) {
                throw new InvalidDeclarationException(where, "sets @Tune(pick = \"" + tune.pick() + "\"), but returns"
                        + " one number, so its best trial is the one picked; remove pick, or return a record of"
                        + " several objectives (components marked @Maximize or @Minimize)");
            }
            directions = List.of(tune == null ? Direction.MINIMIZE : tune.direction());
            pick = ParetoPick.parse("", TrialHistory.defaultObjectiveNames(1));
        } else {
            throw new InvalidDeclarationException(where, "returns " + returnType.getName()
                    + ", but the objective must be a number, or a record of objectives; return the value to optimize"
                    + " as a double, or a record whose components are marked @Maximize, @Minimize, @AtMost or @AtLeast");
        }
        Constructor<?> constructor = noArgumentConstructor(testClass, where);
        List<Optional<KnobValue>> parameters = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            parameters.add(argument(testClass, method, parameter));
        }
        Optional<String> readByAgent = checkReferencedKnobs(testClass, parameters);
        method.setAccessible(true);
        return new MethodObjective(method, constructor, parameters, studyName(testClass, method), readByAgent, outcome,
                directions, pick);
    }

    /**
     * The direction of each objective: {@code @Tune(direction)} for a method returning a number, each
     * objective component's for one returning a record, in component order.
     */
    public List<Direction> directions() {
        return directions;
    }

    /**
     * The name of each objective, in the order of {@link #directions()}: its component's for a method
     * returning a record; {@code value} for one returning a number.
     */
    public List<String> objectiveNames() {
        return outcome.map(RecordOutcome::objectiveNames).orElseGet(() -> TrialHistory.defaultObjectiveNames(1));
    }

    /**
     * What breaking each constraint a returned record declares is, by constraint name, for trial names:
     * {@code latencyMs > 20}; empty for a method returning a number.
     */
    public Map<String, String> constraintViolations() {
        return outcome.map(RecordOutcome::violations).orElse(Map.of());
    }

    /** Which trial of the Pareto set production gets: {@code @Tune(pick)}, by default the knee. */
    public ParetoPick pick() {
        return pick;
    }

    /** Whether the method returns a record of objectives and constraints rather than a number. */
    public boolean returnsRecord() {
        return outcome.isPresent();
    }

    /**
     * The objective a study of {@link #directions()} runs: this, when there is one objective; else
     * the method as an {@link Objective#several objective of several values}.
     */
    public Objective forStudy() {
        if (directions.size() == 1) {
            return this;
        }
        MethodObjective self = this;
        return Objective.several(new MultiObjective() {
            @Override
            public double[] evaluate(Trial trial) throws Exception {
                return self.values(trial);
            }

            @Override
            public void prepare(Trial trial) {
                self.prepare(trial);
            }
        });
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
    public double evaluate(Trial trial) throws Exception {
        if (directions.size() > 1) {
            throw new UnsupportedOperationException(describe() + " has " + directions.size() + " objectives "
                    + objectiveNames() + ", so it has no one value; run forStudy() in a study of its directions");
        }
        return values(trial)[0];
    }

    /**
     * Calls the method as {@link #evaluate} does and returns every objective value, in the order of
     * {@link #directions()}, after recording the constraints of a returned record on {@code trial}.
     */
    public double[] values(Trial trial) throws Exception {
        Object result = invoke(trial);
        if (result == null) {
            throw new IllegalStateException("@Tune method " + describe() + (outcome.isPresent()
                    ? " returned null; return a " + method.getReturnType().getSimpleName() + " of its objectives"
                    : " returned null; return the objective value as a number"));
        }
        if (outcome.isPresent()) {
            return outcome.get().values(result, trial);
        }
        return new double[] {((Number) result).doubleValue()};
    }

    @SuppressWarnings("try") // the scope is only closed
    private Object invoke(Trial trial) throws Exception {
        try (TrialContext.Scope scope = TrialContext.bind(trial)) {
            Object[] arguments = new Object[parameters.size()];
            Trial studyKnobs = new StudyKnobTrial(trial, studyName);
            for (int i = 0; i < arguments.length; i++) {
                Optional<KnobValue> knob = parameters.get(i);
                arguments[i] = knob.isPresent() ? knob.get().draw(trial) : studyKnobs;
            }
            return method.invoke(constructor.newInstance(), arguments);
        } catch (InvocationTargetException thrown) {
            // show the objective's own exception, not reflection's wrapper
            Throwable cause = thrown.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
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
