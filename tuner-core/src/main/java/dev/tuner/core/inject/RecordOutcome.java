package dev.tuner.core.inject;

import dev.tuner.AtLeast;
import dev.tuner.AtMost;
import dev.tuner.Direction;
import dev.tuner.Maximize;
import dev.tuner.Minimize;
import dev.tuner.core.trial.Numbers;
import dev.tuner.core.trial.Trial;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record a {@code @Tune} method returns, read as objectives and constraints: each component
 * marked {@link Maximize} or {@link Minimize} is an objective named by the component, each marked
 * {@link AtMost} or {@link AtLeast} a constraint of the same name (a component may be both). A
 * declaration that cannot work is refused at discovery, naming the component and the fix.
 */
final class RecordOutcome {

    private static final Set<Class<?>> NUMBER_TYPES = Set.of(double.class, float.class, int.class, long.class,
            short.class, byte.class);

    /** A component that is an objective ({@code direction} not null), a constraint ({@code bound} not null) or both. */
    private record Component(String name, Method accessor, Direction direction, Bound bound) {}

    /** A constraint's bound: at most {@code limit}, or at least it. */
    private record Bound(double limit, boolean atMost) {

        /** The constraint value, at most 0 when {@code value} is within the bound. */
        double constraint(double value) {
            return atMost ? value - limit : limit - value;
        }

        /** What a value breaking the bound is, for people: {@code latencyMs > 20}. */
        String violation(String name) {
            return name + (atMost ? " > " : " < ") + Numbers.compact(limit);
        }
    }

    private final Class<?> type;
    private final String where;
    private final List<Component> components;
    private final List<Direction> directions = new ArrayList<>();
    private final List<String> objectiveNames = new ArrayList<>();
    private final Map<String, String> violations = new LinkedHashMap<>();

    private RecordOutcome(Class<?> type, String where, List<Component> components) {
        this.type = type;
        this.where = where;
        this.components = components;
        for (Component component : components) {
            if (component.direction() != null) {
                directions.add(component.direction());
                objectiveNames.add(component.name());
            }
            if (component.bound() != null) {
                violations.put(component.name(), component.bound().violation(component.name()));
            }
        }
    }

    /**
     * The outcome record {@code type} that the {@code @Tune} method {@code where} names returns.
     *
     * @throws InvalidDeclarationException if a component is neither objective nor constraint, is not
     *     a number, has two directions or two bounds, or the record has no objective
     */
    static RecordOutcome of(Class<?> type, String where) {
        String returned = "record " + type.getName() + ", returned by " + where;
        List<Component> components = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String at = "component '" + component.getName() + "' of " + returned;
            boolean maximize = component.isAnnotationPresent(Maximize.class);
            boolean minimize = component.isAnnotationPresent(Minimize.class);
            AtMost atMost = component.getAnnotation(AtMost.class);
            AtLeast atLeast = component.getAnnotation(AtLeast.class);
            if (maximize && minimize) {
                throw new InvalidDeclarationException(at, "is marked both @Maximize and @Minimize; keep the one"
                        + " direction in which its values are better");
            }
            if (atMost != null && atLeast != null) {
                throw new InvalidDeclarationException(at, "has both @AtMost and @AtLeast; keep one bound per"
                        + " component (for a range, return the value in two components, one for each bound)");
            }
            Direction direction = maximize ? Direction.MAXIMIZE : minimize ? Direction.MINIMIZE : null;
            Bound bound = atMost != null ? bound(at, atMost.value(), true, "@AtMost")
                    : atLeast != null ? bound(at, atLeast.value(), false, "@AtLeast") : null;
            if (direction == null && bound == null) {
                throw new InvalidDeclarationException(at, "is neither an objective nor a constraint; mark it @Maximize or"
                        + " @Minimize to optimize it, or @AtMost(...) or @AtLeast(...) to require a bound on it, or"
                        + " take it out of the record");
            }
            Class<?> componentType = component.getType();
            if (!NUMBER_TYPES.contains(componentType) && !Number.class.isAssignableFrom(componentType)) {
                throw new InvalidDeclarationException(at, "is a " + componentType.getName() + ", but objectives and"
                        + " constraints are numbers; make it a double (or another number type)");
            }
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            components.add(new Component(component.getName(), accessor, direction, bound));
        }
        RecordOutcome outcome = new RecordOutcome(type, where, components);
        if (outcome.directions.isEmpty()) {
            throw new InvalidDeclarationException(where, "returns " + returned.substring(0, returned.indexOf(','))
                    + ", which has no objective; mark at least one component @Maximize or @Minimize (or return the"
                    + " objective as a double)");
        }
        return outcome;
    }

    private static Bound bound(String at, double limit, boolean atMost, String annotation) {
        if (!Double.isFinite(limit)) {
            throw new InvalidDeclarationException(at, annotation + "(" + limit + ") is not a finite number; give the"
                    + " bound as a finite number, such as " + annotation + "(20)");
        }
        return new Bound(limit, atMost);
    }

    /** The direction of each objective, in component order. */
    List<Direction> directions() {
        return List.copyOf(directions);
    }

    /** The name of each objective: its component's, in component order. */
    List<String> objectiveNames() {
        return List.copyOf(objectiveNames);
    }

    /** What breaking each constraint is, by constraint name: {@code latencyMs > 20}. */
    Map<String, String> violations() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(violations));
    }

    /**
     * The objective values of {@code returned}, in component order, after recording each
     * constraint on {@code trial} under its component's name.
     *
     * @throws IllegalStateException if a component is null
     */
    double[] values(Object returned, Trial trial) throws Exception {
        double[] values = new double[directions.size()];
        int next = 0;
        for (Component component : components) {
            Object value;
            try {
                value = component.accessor().invoke(returned);
            } catch (InvocationTargetException thrown) {
                Throwable cause = thrown.getCause();
                if (cause instanceof Exception exception) {
                    throw exception;
                }
                throw (Error) cause;
            }
            if (value == null) {
                throw new IllegalStateException(where + " returned a " + type.getSimpleName() + " whose component '"
                        + component.name() + "' is null; give every objective and constraint a number");
            }
            double number = ((Number) value).doubleValue();
            if (component.bound() != null) {
                trial.constrain(component.name(), component.bound().constraint(number));
            }
            if (component.direction() != null) {
                values[next++] = number;
            }
        }
        return values;
    }
}
