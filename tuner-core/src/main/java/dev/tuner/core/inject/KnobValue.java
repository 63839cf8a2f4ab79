package dev.tuner.core.inject;

import dev.tuner.core.trial.Trial;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one annotated member gets its value in a trial: a plain knob is drawn and converted to the
 * member's type; a {@code @Choice} over a sealed type draws a branch and builds it from the
 * branch's own knobs ({@link ChoiceTree}).
 */
interface KnobValue {

    /** The member's own knob: its full name, distribution and type. */
    Knob knob();

    /** Every knob this member may draw: its own, then those of each branch below it, depth first. */
    List<Knob> knobs();

    /** The member's value in {@code trial}, drawn at the first read and the same afterwards. */
    Object draw(Trial trial);

    /**
     * The classes Tuner builds for this member from their knobs (the branches of a {@code @Choice}
     * over a sealed type, at any depth): their knob fields and record components hold the trial's
     * values, so reading them needs no agent.
     */
    default Set<Class<?>> builtClasses() {
        return Set.of();
    }

    /**
     * The knob that {@code member} declares, or empty when it carries no knob annotation.
     *
     * @param member the annotated parameter, field, method or record component
     * @param type the type of value the member needs
     * @param name the knob's full name
     * @param where the member as error messages name it
     * @throws InvalidDeclarationException if the declaration cannot work
     */
    static Optional<KnobValue> of(AnnotatedElement member, Class<?> type, String name, String where) {
        if (ChoiceTree.applies(member, type)) {
            return Optional.of(ChoiceTree.of(member, type, name, where, List.of()));
        }
        return AnnotationSpace.knob(member, type, name, where).map(Plain::new);
    }

    /** A knob whose drawn value, converted to the member's type, is the value. */
    record Plain(Knob knob) implements KnobValue {

        @Override
        public List<Knob> knobs() {
            return List.of(knob);
        }

        @Override
        public Object draw(Trial trial) {
            return knob.convert(trial.suggest(knob.name(), knob.distribution()));
        }
    }
}
