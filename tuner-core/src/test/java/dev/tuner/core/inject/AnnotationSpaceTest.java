package dev.tuner.core.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tuner.Bool;
import dev.tuner.Choice;
import dev.tuner.IntUniform;
import dev.tuner.KnobAnnotation;
import dev.tuner.LogNormal;
import dev.tuner.LogUniform;
import dev.tuner.Normal;
import dev.tuner.PriorityChoice;
import dev.tuner.Uniform;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.DistributionProvider;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.PowersOfTwo;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every knob annotation read into its distribution, and every invalid declaration with its message. */
class AnnotationSpaceTest {

    enum Solver { LBFGS, NEWTON, SAG }

    sealed interface Model permits Svm, Forest {}

    record Svm(double c) implements Model {}

    record Forest(int trees) implements Model {}

    record Branch(@Uniform(min = 0, max = 1) double x, @IntUniform(min = 1, max = 3) int n) {}

    @SuppressWarnings("unused")
    static class Knobs {
        @Uniform(min = -10, max = 10) double x;
        @Uniform(min = 0, max = 0.5, q = 0.05) double dropout;
        @Uniform(min = 1, max = 10, q = 1) int depth;
        @Uniform(min = 0, max = 1) float ratio;
        @LogUniform(min = 1e-5, max = 1e-1) Double lr;
        @Normal(mean = 0.5, sd = 0.2, min = 0, max = 1) double clipped;
        @Normal(mean = 0, sd = 10, min = -50, max = 50, q = 5) long offset;
        @Normal(mean = 0, sd = 1) double shift;
        @LogNormal(mean = 0, sd = 1) double c;
        @LogNormal(mean = 4, sd = 1, min = 1, max = 1000, q = 1) Integer units;
        @IntUniform(min = 2, max = 64, step = 2) int heads;
        @IntUniform(min = 1, max = 1024, log = true) long width;
        @Bool boolean shuffle;
        @Bool Boolean early;
        @Choice({"relu", "tanh"}) String activation;
        @PriorityChoice({"adam", "sgd", "rmsprop"}) String optimizer;
        @PriorityChoice Solver solver;
        @PriorityChoice({"16", "32"}) int batch;
        @Choice Model model;
        @PowerOfTwo(maxExponent = 10) long cache;
        double plain;

        @LogUniform(min = 16, max = 4096, q = 16)
        int batchSize() {
            return 128;
        }
    }

    private static Distribution distribution(String field) throws NoSuchFieldException {
        Field member = Knobs.class.getDeclaredField(field);
        return AnnotationSpace.knob(member, member.getType(), field, "field " + field).orElseThrow().distribution();
    }

    @Test
    void readsTheRealAnnotations() throws Exception {
        assertThat(distribution("x")).isEqualTo(dev.tuner.core.space.Uniform.of(-10, 10));
        assertThat(distribution("dropout")).isEqualTo(dev.tuner.core.space.Uniform.of(0, 0.5).quantized(0.05));
        assertThat(distribution("depth")).isEqualTo(dev.tuner.core.space.Uniform.of(1, 10).quantized(1));
        assertThat(distribution("ratio")).isEqualTo(dev.tuner.core.space.Uniform.of(0, 1));
        assertThat(distribution("lr")).isEqualTo(dev.tuner.core.space.LogUniform.of(1e-5, 1e-1));
        assertThat(distribution("clipped")).isEqualTo(dev.tuner.core.space.Normal.of(0.5, 0.2).clipped(0, 1));
        assertThat(distribution("offset")).isEqualTo(dev.tuner.core.space.Normal.of(0, 10).clipped(-50, 50).quantized(5));
        assertThat(distribution("shift")).isEqualTo(dev.tuner.core.space.Normal.of(0, 1));
        assertThat(distribution("c")).isEqualTo(dev.tuner.core.space.LogNormal.of(0, 1));
        assertThat(distribution("units"))
                .isEqualTo(dev.tuner.core.space.LogNormal.of(4, 1).clipped(1, 1000).quantized(1));
    }

    @Test
    void readsTheDiscreteAnnotations() throws Exception {
        assertThat(distribution("heads")).isEqualTo(dev.tuner.core.space.IntUniform.of(2, 64).withStep(2));
        assertThat(distribution("width")).isEqualTo(dev.tuner.core.space.IntUniform.of(1, 1024).onLogScale());
        assertThat(distribution("shuffle")).isEqualTo(dev.tuner.core.space.Bool.of());
        assertThat(distribution("early")).isEqualTo(dev.tuner.core.space.Bool.of());
        assertThat(distribution("activation")).isEqualTo(dev.tuner.core.space.Choice.of("relu", "tanh"));
        assertThat(distribution("optimizer")).isEqualTo(dev.tuner.core.space.PriorityChoice.of("adam", "sgd", "rmsprop"));
        assertThat(distribution("solver"))
                .isEqualTo(dev.tuner.core.space.PriorityChoice.of(Solver.LBFGS, Solver.NEWTON, Solver.SAG));
        assertThat(distribution("batch")).isEqualTo(dev.tuner.core.space.PriorityChoice.of(16, 32));
    }

    @Test
    void aChoiceOnASealedTypeChoosesAmongItsPermittedClasses() throws Exception {
        assertThat(distribution("model")).isEqualTo(dev.tuner.core.space.Choice.of(Svm.class, Forest.class));
    }

    @Test
    void aUserAnnotationMarkedWithKnobAnnotationGetsItsProvidersDistribution() throws Exception {
        Field cache = Knobs.class.getDeclaredField("cache");

        Knob knob = AnnotationSpace.knob(cache, long.class, "cache", "field cache").orElseThrow();

        assertThat(knob.distribution()).isEqualTo(new PowersOfTwo(10));
        assertThat(knob.convert(knob.distribution().toExternal(10))).isEqualTo(1024L);
        assertThat(AnnotationSpace.isKnobAnnotation(PowerOfTwo.class)).isTrue();
        assertThat(AnnotationSpace.isKnobAnnotation(Retention.class)).isFalse();
    }

    @Test
    void aMethodsReturnValueIsAKnobAndAWholeQFeedsAnInt() throws Exception {
        Method batchSize = Knobs.class.getDeclaredMethod("batchSize");

        Knob knob = AnnotationSpace.knob(batchSize, int.class, "batchSize", "method batchSize()").orElseThrow();

        assertThat(knob.distribution()).isEqualTo(dev.tuner.core.space.LogUniform.of(16, 4096).quantized(16));
        assertThat(knob.convert(128.0)).isEqualTo(128);
    }

    @Test
    void aRecordComponentIsAKnob() {
        RecordComponent[] components = Branch.class.getRecordComponents();

        assertThat(AnnotationSpace.knob(components[0], double.class, "x", "component x")).map(Knob::distribution)
                .contains(dev.tuner.core.space.Uniform.of(0, 1));
        assertThat(AnnotationSpace.knob(components[1], int.class, "n", "component n")).map(Knob::distribution)
                .contains(dev.tuner.core.space.IntUniform.of(1, 3));
    }

    @Test
    void aMemberWithoutAKnobAnnotationIsNoKnob() throws Exception {
        Field plain = Knobs.class.getDeclaredField("plain");

        assertThat(AnnotationSpace.knob(plain, double.class, "plain", "field plain")).isEmpty();
    }

    @Test
    void convertsValuesToTheMembersType() {
        assertThat(new Knob("k", dev.tuner.core.space.Uniform.of(0, 1), float.class).convert(0.5)).isEqualTo(0.5f);
        assertThat(new Knob("k", dev.tuner.core.space.IntUniform.of(0, 9), Integer.class).convert(7L)).isEqualTo(7);
        assertThat(new Knob("k", dev.tuner.core.space.Uniform.of(0, 10).quantized(2), long.class).convert(4.0))
                .isEqualTo(4L);
        assertThat(new Knob("k", dev.tuner.core.space.Bool.of(), boolean.class).convert(true)).isEqualTo(true);
        assertThat(new Knob("k", Fixed.of(3.0), int.class).convert(3.0)).isEqualTo(3);
        assertThat(new Knob("k", dev.tuner.core.space.Choice.of(Svm.class), Model.class).convert(Svm.class))
                .isEqualTo(Svm.class);
        assertThatThrownBy(() -> new Knob("k", Fixed.of(2.5), int.class).convert(2.5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("knob 'k' drew 2.5 from fixed(2.5), which is not a whole number for a int");
        assertThatThrownBy(() -> new Knob("k", Fixed.of("a"), int.class).convert("a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("which a int cannot hold");
    }

    // ---- invalid declarations ----------------------------------------------------------------

    static class NotAProvider {}

    static class NoDefaultConstructorProvider implements DistributionProvider<NoDefaultConstructor> {
        NoDefaultConstructorProvider(int unused) {}

        @Override
        public Distribution create(NoDefaultConstructor annotation, Class<?> memberType) {
            return dev.tuner.core.space.Bool.of();
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @KnobAnnotation(NotAProvider.class)
    @interface Broken {}

    @Retention(RetentionPolicy.RUNTIME)
    @KnobAnnotation(NoDefaultConstructorProvider.class)
    @interface NoDefaultConstructor {}

    @SuppressWarnings("unused")
    static class Invalid {
        @Uniform(min = 1, max = 1) double uniformEmpty;
        @Uniform(min = 0, max = Double.POSITIVE_INFINITY) double uniformInfinite;
        @LogUniform(min = 2, max = 1) double logUniformReversed;
        @LogUniform(min = 0, max = 1) double logUniformZero;
        @LogUniform(min = -1, max = 1) double logUniformNegative;
        @Normal(mean = 0, sd = 1, min = 2, max = 1) double normalReversed;
        @LogNormal(mean = 0, sd = 1, min = -1) double logNormalNegative;
        @IntUniform(min = 3, max = 2) long intReversed;
        @Choice String emptyChoice;
        @PriorityChoice String emptyPriorityChoice;
        @Uniform(min = 0, max = 1, q = 0) double qZero;
        @LogUniform(min = 1, max = 10, q = -1) double qNegative;
        @Normal(mean = 0, sd = 1, q = -0.5) double normalQNegative;
        @Uniform(min = 0.1, max = 0.4, q = 0.5) double qBeyondRange;
        @Normal(mean = 0, sd = 0) double sdZero;
        @LogNormal(mean = 0, sd = -1) double sdNegative;
        @Normal(mean = 0, sd = 1, min = 20, max = 30) double normalOutOfReach;
        @Uniform(min = 0, max = 1) String uniformOnString;
        @Uniform(min = 0, max = 10) int uniformOnIntWithoutQ;
        @LogUniform(min = 1, max = 10, q = 0.5) int fractionalQOnInt;
        @Normal(mean = 0, sd = 1, q = 1) int unboundedNormalOnInt;
        @Uniform(min = 0, max = 1e10, q = 1) int beyondInt;
        @Uniform(min = 0, max = 1e300) float beyondFloat;
        @IntUniform(min = 0, max = 1) double intUniformOnDouble;
        @IntUniform(min = 0, max = 1L << 31) int intUniformBeyondInt;
        @IntUniform(min = 0, max = 10, step = 3) int stepNotDividing;
        @IntUniform(min = 0, max = 10, step = 0) int stepZero;
        @IntUniform(min = 0, max = 10, log = true) int logFromZero;
        @IntUniform(min = 1, max = 9, step = 2, log = true) int logWithStep;
        @Bool int boolOnInt;
        @Choice({"a"}) char choiceOnChar;
        @PriorityChoice({"1", "two"}) int unparseablePriority;
        @PriorityChoice({"RED"}) Solver unknownConstant;
        @PriorityChoice Model priorityOnSealed;
        @Uniform(min = 0, max = 1) @Bool double twoAnnotations;
        @LogUniform(min = 1, max = 2) @PowerOfTwo(maxExponent = 3) long builtInAndCustom;
        @PowerOfTwo(maxExponent = 0) long customInvalid;
        @PowerOfTwo(maxExponent = 3) String customOnWrongType;
        @Broken double notAProvider;
        @NoDefaultConstructor double noDefaultConstructor;
    }

    static Stream<Arguments> invalidDeclarations() {
        return Stream.of(
                arguments("uniformEmpty", "@Uniform is invalid: min (1.0) must be less than max (1.0); swap or widen the bounds"),
                arguments("uniformInfinite", "@Uniform is invalid: bounds must be finite"),
                arguments("beyondFloat", "@Uniform reaches values from 0.0 to 1.0E300, beyond the largest float ("
                        + Float.MAX_VALUE + "), so the member would read Infinity; give min and max within ±"
                        + Float.MAX_VALUE + ", or declare the member double"),
                arguments("logUniformReversed", "@LogUniform is invalid: min (2.0) must be less than max (1.0)"),
                arguments("logUniformZero", "@LogUniform is invalid: a log-uniform range must be positive, but min is 0.0; "
                        + "use a positive min, or Uniform for ranges that include zero"),
                arguments("logUniformNegative", "a log-uniform range must be positive, but min is -1.0"),
                arguments("normalReversed", "@Normal is invalid: min (2.0) must be less than max (1.0)"),
                arguments("logNormalNegative", "@LogNormal is invalid: a log-normal value is positive, so min must be at "
                        + "least 0, but it is -1.0; use min = 0 for no lower bound"),
                arguments("intReversed", "@IntUniform is invalid: min (3) must be less than max (2)"),
                arguments("emptyChoice", "@Choice has no options; list them"),
                arguments("emptyPriorityChoice", "@PriorityChoice has no options; list them, e.g. @PriorityChoice({\"a\", \"b\"})"),
                arguments("qZero", "@Uniform is invalid: the quantization step q must be positive and finite, but it is 0.0; "
                        + "give a positive q, or leave it out for a continuous value"),
                arguments("qNegative", "@LogUniform is invalid: the quantization step q must be positive and finite, but it is -1.0"),
                arguments("normalQNegative", "@Normal is invalid: the quantization step q must be positive"),
                arguments("qBeyondRange", "@Uniform is invalid: no multiple of q = 0.5 lies in [0.1, 0.4]"),
                arguments("sdZero", "@Normal is invalid: the standard deviation sd must be positive and finite, but it is 0.0; "
                        + "give a positive sd"),
                arguments("sdNegative", "@LogNormal is invalid: the standard deviation sd must be positive and finite, but it is -1.0"),
                arguments("normalOutOfReach", "@Normal is invalid: the range [20.0, 30.0] holds almost none"),
                arguments("uniformOnString", "@Uniform produces double or float values, but the type is java.lang.String; "
                        + "change the type to double or float, or use a knob annotation that fits String"),
                arguments("uniformOnIntWithoutQ", "@Uniform produces double or float values, but the type is int; change the "
                        + "type to double or float, or give a whole-number q (e.g. q = 1)"),
                arguments("fractionalQOnInt", "@LogUniform with q = 0.5 produces values that are not whole, but the type is "
                        + "int; use a whole-number q (e.g. q = 1), or declare the member double"),
                arguments("unboundedNormalOnInt", "@Normal reaches values from -Infinity to Infinity, which an int cannot hold; "
                        + "give finite min and max within the int range, or declare the member double"),
                arguments("beyondInt", "@Uniform reaches values from 0.0 to 1.0E10, which an int cannot hold"),
                arguments("intUniformOnDouble", "@IntUniform produces int or long values, but the type is double"),
                arguments("intUniformBeyondInt", "@IntUniform range 0..2147483648 does not fit an int; narrow the range or "
                        + "declare the member long"),
                arguments("stepNotDividing", "@IntUniform is invalid: max - min (10) must be a multiple of step (3) so that max "
                        + "is reachable from min; use max = 9, or a step that divides 10"),
                arguments("stepZero", "@IntUniform is invalid: step must be at least 1, but it is 0"),
                arguments("logFromZero", "@IntUniform is invalid: a log-scaled integer range must start at 1 or above, but min is 0"),
                arguments("logWithStep", "@IntUniform is invalid: a log-scaled integer range cannot have a step (2), as in Optuna; "
                        + "drop the step or the log scale"),
                arguments("boolOnInt", "@Bool produces boolean values, but the type is int; change the type to boolean"),
                arguments("choiceOnChar", "@Choice cannot produce values of type char; use String, an enum, a sealed type"),
                arguments("unparseablePriority", "@PriorityChoice option 'two' is not a valid int; write it as an int literal"),
                arguments("unknownConstant", "@PriorityChoice option 'RED' is not a constant of " + Solver.class.getName()
                        + "; use one of [LBFGS, NEWTON, SAG]"),
                arguments("priorityOnSealed", "@PriorityChoice cannot choose among the subclasses of the sealed type "
                        + Model.class.getName() + "; use @Choice"),
                arguments("twoAnnotations", "carries 2 knob annotations; keep exactly one of @Uniform, @Bool"),
                arguments("builtInAndCustom", "carries 2 knob annotations; keep exactly one of @LogUniform, @PowerOfTwo"),
                arguments("customInvalid", "@PowerOfTwo is invalid: maxExponent must lie in 1..62, but it is 0"),
                arguments("customOnWrongType", "@PowerOfTwo is invalid: @PowerOfTwo produces long values, but the type is "
                        + "java.lang.String; declare the member long"),
                arguments("notAProvider", "@Broken names " + NotAProvider.class.getName() + " in @KnobAnnotation, which is "
                        + "not a dev.tuner.core.space.DistributionProvider; implement DistributionProvider<Broken> in it"),
                arguments("noDefaultConstructor", "@NoDefaultConstructor names " + NoDefaultConstructorProvider.class.getName()
                        + ", which has no constructor without arguments; add one"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDeclarations")
    void rejectsAnInvalidDeclarationNamingTheMemberTheRuleAndTheFix(String field, String message) throws Exception {
        Field member = Invalid.class.getDeclaredField(field);
        String where = "field " + Invalid.class.getName() + "." + field;

        assertThatThrownBy(() -> AnnotationSpace.knob(member, member.getType(), field, where))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageStartingWith(where + ": ")
                .hasMessageContaining(message);
    }
}
