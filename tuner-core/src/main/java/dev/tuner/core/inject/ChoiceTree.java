package dev.tuner.core.inject;

import dev.tuner.core.space.Choice;
import dev.tuner.core.trial.Trial;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@code @Choice} on a sealed interface or sealed abstract class: a tree-structured, conditional
 * space. The knob chooses among the permitted records and classes; the chosen branch is built
 * from its own knobs, which are drawn only when it is chosen (define-by-run), to any depth.
 *
 * <pre>{@code
 * sealed interface Model permits Svm, Forest {}
 * record Svm(@LogUniform(min = 1e-3, max = 1e3) double c) implements Model {}
 * final class Forest implements Model { @IntUniform(min = 10, max = 500) int trees = 100; }
 *
 * @Tune double select(@Choice Model model)   // knobs ...select.model, ...select.model.Svm.c,
 *                                            //       ...select.model.Forest.trees
 * }</pre>
 *
 * <p>The branches are the concrete permitted subclasses, at any depth ({@code @Choice({"Svm"})}
 * keeps those named). A record branch is built through its canonical constructor, every component
 * carrying a knob annotation; a class branch through its constructor without arguments, then its
 * annotated instance fields are set. Branch knobs are named {@code <parent knob>.<branch simple name>.<member>}.
 */
final class ChoiceTree implements KnobValue {

    private final Knob knob;
    private final Map<Class<?>, Branch> branches;

    private ChoiceTree(Knob knob, Map<Class<?>, Branch> branches) {
        this.knob = knob;
        this.branches = branches;
    }

    /**
     * Whether {@code member} is a {@code @Choice} over a sealed type, which this class reads. An enum
     * whose constants have bodies is sealed too (its permitted subclasses are the constants'
     * classes), but its options are its constants, as for any enum.
     */
    static boolean applies(AnnotatedElement member, Class<?> type) {
        return member.isAnnotationPresent(dev.tuner.Choice.class) && type.isSealed() && !type.isEnum();
    }

    /**
     * The tree under {@code member}.
     *
     * @param path the sealed types above this one, to reject a type that contains itself
     */
    static ChoiceTree of(AnnotatedElement member, Class<?> type, String name, String where, List<Class<?>> path) {
        if (path.contains(type)) {
            throw new InvalidDeclarationException(where, "@Choice " + type.getName()
                    + " contains itself (" + path.stream().map(Class::getSimpleName).collect(Collectors.joining(" > "))
                    + " > " + type.getSimpleName() + "), so its space has no end; break the cycle, e.g. with a "
                    + "knob that bounds the depth read through Trial");
        }
        // the options (every concrete permitted subclass, or those the annotation names) are
        // AnnotationSpace's, as for any @Choice; the branches built from them are this class's
        Knob knob = AnnotationSpace.knob(member, type, name, where).orElseThrow();
        List<Class<?>> nextPath = new ArrayList<>(path);
        nextPath.add(type);
        Map<Class<?>, Branch> branches = new LinkedHashMap<>();
        for (Object option : ((Choice) knob.distribution()).options()) {
            Class<?> leaf = (Class<?>) option;
            String branchName = name + "." + leaf.getSimpleName();
            branches.put(leaf, leaf.isRecord()
                    ? RecordBranch.of(leaf, branchName, nextPath)
                    : ClassBranch.of(leaf, branchName, nextPath));
        }
        return new ChoiceTree(knob, branches);
    }

    @Override
    public Knob knob() {
        return knob;
    }

    @Override
    public List<Knob> knobs() {
        List<Knob> knobs = new ArrayList<>();
        knobs.add(knob);
        branches.values().forEach(branch -> knobs.addAll(branch.knobs()));
        return knobs;
    }

    @Override
    public Set<Class<?>> builtClasses() {
        Set<Class<?>> built = new LinkedHashSet<>(branches.keySet());
        branches.values().forEach(branch -> branch.members().forEach(member -> built.addAll(member.builtClasses())));
        return built;
    }

    @Override
    public Object draw(Trial trial) {
        Class<?> chosen = (Class<?>) trial.suggest(knob.name(), knob.distribution());
        Object instance = branches.get(chosen).build(trial);
        TrialContext.Binding binding = TrialContext.binding();
        if (binding != null) {
            // its fields hold this trial's values already: reads of them must not be redirected again
            binding.addBuilt(instance);
        }
        return instance;
    }

    private static RuntimeException buildFailure(Class<?> branch, Throwable cause) {
        Throwable shown = cause instanceof InvocationTargetException thrown ? thrown.getCause() : cause;
        if (shown instanceof RuntimeException runtime) {
            return runtime;
        }
        if (shown instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("could not build the @Choice branch " + branch.getName() + ": " + shown,
                shown);
    }

    /** One permitted subclass and the knobs it is built from. */
    private interface Branch {

        List<Knob> knobs();

        /** The knobs the branch is built from, one per component or field. */
        Collection<KnobValue> members();

        Object build(Trial trial);
    }

    /** A record built through its canonical constructor, each component from its knob. */
    private record RecordBranch(Constructor<?> constructor, List<KnobValue> components) implements Branch {

        static RecordBranch of(Class<?> type, String name, List<Class<?>> path) {
            RecordComponent[] recordComponents = type.getRecordComponents();
            Class<?>[] types = new Class<?>[recordComponents.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = recordComponents[i].getType();
            }
            Constructor<?> constructor;
            try {
                constructor = type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException impossible) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", impossible);
            }
            constructor.setAccessible(true);
            Parameter[] parameters = constructor.getParameters();
            List<KnobValue> components = new ArrayList<>();
            for (int i = 0; i < recordComponents.length; i++) {
                RecordComponent component = recordComponents[i];
                String where = "record component " + type.getName() + "." + component.getName();
                // a knob annotation reaches the component or, when it targets parameters only, the
                // canonical constructor's parameter
                AnnotatedElement annotated = MemberKnobs.hasAnnotations(component) ? component : parameters[i];
                String componentName = name + "." + component.getName();
                components.add(MemberKnobs.nested(annotated, component.getType(), componentName, where, path)
                        .orElseThrow(() -> new InvalidDeclarationException(where, "has no knob annotation, but "
                                + type.getSimpleName() + " is a @Choice branch built from its components' knobs; "
                                + "annotate it, or move it out of the record")));
            }
            return new RecordBranch(constructor, components);
        }

        @Override
        public Collection<KnobValue> members() {
            return components;
        }

        @Override
        public List<Knob> knobs() {
            return components.stream().flatMap(component -> component.knobs().stream()).toList();
        }

        @Override
        public Object build(Trial trial) {
            Object[] arguments = new Object[components.size()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = components.get(i).draw(trial);
            }
            try {
                return constructor.newInstance(arguments);
            } catch (ReflectiveOperationException failed) {
                throw buildFailure(constructor.getDeclaringClass(), failed);
            }
        }
    }

    /** A class built through its constructor without arguments, then its annotated fields set. */
    private record ClassBranch(Constructor<?> constructor, Map<Field, KnobValue> fields) implements Branch {

        static ClassBranch of(Class<?> type, String name, List<Class<?>> path) {
            String where = "@Choice branch " + type.getName();
            if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
                throw new InvalidDeclarationException(where, "is an inner class, so Tuner cannot create it; "
                        + "declare it static or top-level");
            }
            Constructor<?> constructor;
            try {
                constructor = type.getDeclaredConstructor();
            } catch (NoSuchMethodException missing) {
                throw new InvalidDeclarationException(where, "has no constructor without arguments, so Tuner "
                        + "cannot create it; add one, or make the branch a record of its knobs");
            }
            constructor.setAccessible(true);
            Map<Field, KnobValue> fields = new LinkedHashMap<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                        continue;
                    }
                    String fieldWhere = "field " + c.getName() + "." + field.getName();
                    MemberKnobs.rejectConstant(field, fieldWhere);
                    MemberKnobs.nested(field, field.getType(), name + "." + field.getName(), fieldWhere, path)
                            .ifPresent(knob -> {
                                field.setAccessible(true);
                                fields.put(field, knob);
                            });
                }
            }
            return new ClassBranch(constructor, fields);
        }

        @Override
        public Collection<KnobValue> members() {
            return fields.values();
        }

        @Override
        public List<Knob> knobs() {
            return fields.values().stream().flatMap(field -> field.knobs().stream()).toList();
        }

        @Override
        public Object build(Trial trial) {
            try {
                Object instance = constructor.newInstance();
                for (Map.Entry<Field, KnobValue> field : fields.entrySet()) {
                    field.getKey().set(instance, field.getValue().draw(trial));
                }
                return instance;
            } catch (ReflectiveOperationException failed) {
                throw buildFailure(constructor.getDeclaringClass(), failed);
            }
        }
    }
}
