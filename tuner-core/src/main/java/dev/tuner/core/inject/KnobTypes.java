package dev.tuner.core.inject;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.Uniform;
import java.util.Set;

/** Which member types each kind of distribution can produce values for. */
final class KnobTypes {

    static final Set<Class<?>> REALS = Set.of(double.class, Double.class, float.class, Float.class);
    static final Set<Class<?>> INTEGERS = Set.of(int.class, Integer.class, long.class, Long.class);
    static final Set<Class<?>> BOOLEANS = Set.of(boolean.class, Boolean.class);

    /** The widest range of whole doubles that a long holds exactly. */
    private static final double EXACT_LONG = 0x1p53;

    private KnobTypes() {}

    static void requireType(String annotation, Class<?> type, Set<Class<?>> allowed, String where) {
        if (!allowed.contains(type)) {
            String allowedText = text(allowed);
            throw new InvalidDeclarationException(where, annotation + " produces " + allowedText
                    + " values, but the type is " + type.getName()
                    + "; change the type to " + allowedText + ", or use a knob annotation that fits "
                    + type.getSimpleName());
        }
    }

    /** Checks that the member's type can hold every value the distribution produces. */
    static void requireFits(String annotation, Distribution distribution, Class<?> type, String where) {
        if (distribution instanceof IntUniform intUniform) {
            requireFitsInt(intUniform, type, where);
        } else if (isReal(distribution)) {
            requireFitsReal(annotation, distribution, type, where);
        }
    }

    private static boolean isReal(Distribution distribution) {
        return distribution instanceof Uniform || distribution instanceof LogUniform
                || distribution instanceof Normal || distribution instanceof LogNormal;
    }

    private static double q(Distribution distribution) {
        if (distribution instanceof Uniform uniform) {
            return uniform.q();
        }
        if (distribution instanceof LogUniform logUniform) {
            return logUniform.q();
        }
        if (distribution instanceof Normal normal) {
            return normal.q();
        }
        return ((LogNormal) distribution).q();
    }

    /** Reals on double and float; on int and long only when quantized to whole numbers within reach. */
    private static void requireFitsReal(String annotation, Distribution distribution, Class<?> type, String where) {
        if (type == float.class || type == Float.class) {
            double low = distribution.low();
            double high = distribution.high();
            // an unbounded normal is fine: its draws are finite doubles of sane size; only bounds beyond a float are wrong
            if ((Double.isFinite(low) && Math.abs(low) > Float.MAX_VALUE)
                    || (Double.isFinite(high) && Math.abs(high) > Float.MAX_VALUE)) {
                throw new InvalidDeclarationException(where, annotation + " reaches values from " + low + " to " + high
                        + ", beyond the largest float (" + Float.MAX_VALUE + "), so the member would read Infinity;"
                        + " give min and max within ±" + Float.MAX_VALUE + ", or declare the member double");
            }
        }
        if (REALS.contains(type)) {
            return;
        }
        if (!INTEGERS.contains(type)) {
            requireType(annotation, type, REALS, where);
        }
        double q = q(distribution);
        if (Double.isNaN(q)) {
            throw new InvalidDeclarationException(where, annotation + " produces double or float values, but the type is "
                    + type.getName() + "; change the type to double or float, or give a whole-number q (e.g. q = 1)"
                    + " so that every value is whole");
        }
        if (q != Math.rint(q)) {
            throw new InvalidDeclarationException(where, annotation + " with q = " + q + " produces values that are not "
                    + "whole, but the type is " + type.getName() + "; use a whole-number q (e.g. q = 1), or declare "
                    + "the member double");
        }
        boolean isInt = type == int.class || type == Integer.class;
        double limit = isInt ? Integer.MAX_VALUE : EXACT_LONG;
        double low = distribution.low();
        double high = distribution.high();
        if (!(low >= (isInt ? Integer.MIN_VALUE : -EXACT_LONG) && high <= limit)) {
            throw new InvalidDeclarationException(where, annotation + " reaches values from " + low + " to " + high
                    + ", which " + (isInt ? "an int" : "a long (exactly, within ±2^53)") + " cannot hold; give finite "
                    + "min and max within " + (isInt ? "the int range" : "±2^53") + ", or declare the member double");
        }
    }

    private static void requireFitsInt(IntUniform distribution, Class<?> type, String where) {
        boolean isInt = type == int.class || type == Integer.class;
        if (isInt && (distribution.min() < Integer.MIN_VALUE || distribution.max() > Integer.MAX_VALUE)) {
            throw new InvalidDeclarationException(where, "@IntUniform range " + distribution.min() + ".."
                    + distribution.max() + " does not fit an int; narrow the range or declare the member long");
        }
    }

    private static String text(Set<Class<?>> allowed) {
        if (allowed == REALS) {
            return "double or float";
        }
        if (allowed == INTEGERS) {
            return "int or long";
        }
        return "boolean";
    }
}
