package dev.tuner.core.inject;

import static dev.tuner.core.inject.TuneMethods.tuneMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tuner.Choice;
import dev.tuner.IntUniform;
import dev.tuner.LogUniform;
import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.study.TrialOutcome;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MethodObjectiveTest {

    // ---- valid declarations ------------------------------------------------------------------

    static class QuadCase {
        @Tune
        double quad(@Uniform(min = -10, max = 10) double x) {
            return x * x;
        }
    }

    static class FloatCase {
        @Tune
        float f(@Uniform(min = 0, max = 1) float x, @LogUniform(min = 1e-3, max = 1) Float y) {
            return x + y;
        }
    }

    static class IntCase {
        @Tune
        long f(@IntUniform(min = -5, max = 5) int n, @IntUniform(min = 0, max = 1L << 40) long big,
                @IntUniform(min = 1, max = 3) Integer boxed) {
            return big * 100 + boxed * 10 + n;
        }
    }

    enum Color { RED, GREEN, BLUE }

    static class EnumCase {
        @Tune
        double f(@Choice Color color) {
            return color.ordinal();
        }
    }

    /** An enum whose constants have bodies: Java 17 calls it sealed, yet its options are its constants. */
    enum Operation {
        ADD { double apply(double a) { return a + 1; } },
        DOUBLE { double apply(double a) { return a * 2; } };

        abstract double apply(double a);
    }

    static class EnumWithBodiesCase {
        @Tune
        double f(@Choice Operation operation) {
            return operation.apply(3);
        }
    }

    static class NamedEnumCase {
        @Tune
        double f(@Choice({"BLUE", "RED"}) Color color) {
            return color.ordinal();
        }
    }

    static class StringCase {
        @Tune
        double f(@Choice({"a", "bb", "ccc"}) String s) {
            return s.length();
        }
    }

    static class ParsedChoiceCase {
        @Tune
        double f(@Choice({"16", " 32 ", "64"}) int batch, @Choice({"0.5", "2"}) double scale,
                @Choice({"true", "false"}) boolean flag, @Choice("3") Long l, @Choice("1.5") float fl) {
            return batch * scale + (flag ? 1000 : 0) + l + fl;
        }
    }

    static class TrialParameterCase {
        @Tune
        double f(Trial trial, @Uniform(min = 0, max = 1) double x) {
            return x + trial.suggestFloat("extra", 0, 1);
        }
    }

    static class TwoStudiesCase {
        @Tune
        double first(Trial trial) {
            return trial.suggestInt("rounds", 1, 5);
        }

        @Tune
        double second(Trial trial) {
            return -trial.suggestInt("rounds", 1, 5);
        }
    }

    static class ParamsSeenCase {
        static Map<String, Object> seen;

        @Tune
        double f(@Uniform(min = 0, max = 1) double x, Trial trial) {
            int rounds = trial.suggestInt("rounds", 1, 5);
            seen = trial.params();
            return x + rounds;
        }
    }

    static class FreshInstanceCase {
        private int calls;

        @Tune
        int f() {
            return ++calls;
        }
    }

    static class CountedCase {
        static int instances;

        CountedCase() {
            instances++;
        }

        @Tune
        double f(Trial trial, @Uniform(min = 0, max = 1) double x, @IntUniform(min = 1, max = 9) int n) {
            return x + n + trial.suggestFloat("extra", 0, 1);
        }
    }

    private static class PrivateClassCase {
        @Tune
        BigDecimal f(@IntUniform(min = 1, max = 2) int n) {
            return BigDecimal.valueOf(n).movePointLeft(1);
        }
    }

    static class ThrowingCase {
        @Tune
        double f() {
            throw new IllegalStateException("diverged");
        }
    }

    static class NullCase {
        @Tune
        Double f() {
            return null;
        }
    }

    static class BaseCase {
        @Tune
        double f(@Uniform(min = 0, max = 1) double x) {
            return x + offset();
        }

        double offset() {
            return 0;
        }
    }

    static class SubCase extends BaseCase {
        @Override
        double offset() {
            return 100;
        }
    }

    abstract static class AbstractBaseCase {
        @Tune
        double f(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class ConcreteCase extends AbstractBaseCase {}

    // ---- invalid declarations ----------------------------------------------------------------

    static class StaticCase {
        @Tune
        static double f(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class PrivateCase {
        @Tune
        private double f(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class VoidCase {
        @Tune
        void f(@Uniform(min = 0, max = 1) double x) {}
    }

    static class StringReturnCase {
        @Tune
        String f() {
            return "1";
        }
    }

    static class NoNoArgConstructorCase {
        NoNoArgConstructorCase(int seed) {}

        @Tune
        double f() {
            return 0;
        }
    }

    class InnerCase {
        @Tune
        double f() {
            return 0;
        }
    }

    abstract static class AbstractCase {
        @Tune
        double f() {
            return 0;
        }
    }

    static class UnannotatedCase {
        @Tune
        double f(@Uniform(min = 0, max = 1) double x, double y) {
            return x + y;
        }
    }

    static class TwoKnobsCase {
        @Tune
        double f(@Uniform(min = 0, max = 1) @LogUniform(min = 1, max = 2) double x) {
            return x;
        }
    }

    static class UniformOnStringCase {
        @Tune
        double f(@Uniform(min = 0, max = 1) String x) {
            return 0;
        }
    }

    static class IntUniformOnDoubleCase {
        @Tune
        double f(@IntUniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class IntUniformTooLargeForIntCase {
        @Tune
        double f(@IntUniform(min = 0, max = 1L << 31) int x) {
            return x;
        }
    }

    static class IntUniformBelowIntCase {
        @Tune
        double f(@IntUniform(min = Integer.MIN_VALUE - 1L, max = 0) Integer x) {
            return x;
        }
    }

    static class IntUniformBeyondExactCase {
        @Tune
        double f(@IntUniform(min = 0, max = Long.MAX_VALUE) long x) {
            return x;
        }
    }

    static class EmptyChoiceCase {
        @Tune
        double f(@Choice String x) {
            return 0;
        }
    }

    static class UnparseableChoiceCase {
        @Tune
        double f(@Choice({"1", "two"}) int x) {
            return x;
        }
    }

    static class UnparseableBooleanCase {
        @Tune
        double f(@Choice({"yes", "no"}) boolean x) {
            return 0;
        }
    }

    static class DuplicateChoiceCase {
        @Tune
        double f(@Choice({"1", "01"}) int x) {
            return x;
        }
    }

    static class UnknownEnumConstantCase {
        @Tune
        double f(@Choice({"RED", "PURPLE"}) Color x) {
            return 0;
        }
    }

    static class ChoiceOnCharCase {
        @Tune
        double f(@Choice({"a"}) char x) {
            return 0;
        }
    }

    static class UniformMinNotBelowMaxCase {
        @Tune
        double f(@Uniform(min = 1, max = 1) double x) {
            return x;
        }
    }

    static class LogUniformMinNotBelowMaxCase {
        @Tune
        double f(@LogUniform(min = 2, max = 1) double x) {
            return x;
        }
    }

    static class IntUniformMinNotBelowMaxCase {
        @Tune
        double f(@IntUniform(min = 3, max = 2) long x) {
            return x;
        }
    }

    static class LogUniformNotPositiveCase {
        @Tune
        double f(@LogUniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class UniformInfiniteCase {
        @Tune
        double f(@Uniform(min = 0, max = Double.POSITIVE_INFINITY) double x) {
            return x;
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static MethodObjective objective(Class<?> type) {
        return MethodObjective.of(tuneMethod(type));
    }

    /** The full name of the knob that parameter {@code parameter} of the case's method declares. */
    private static String knob(Class<?> type, String parameter) {
        return type.getName() + "." + tuneMethod(type).getName() + "." + parameter;
    }

    // ---- tests of valid declarations ---------------------------------------------------------

    @Test
    void knobsAreNamedAfterClassMethodAndParameter() {
        List<Knob> knobs = objective(QuadCase.class).knobs();

        assertThat(knobs).containsExactly(new Knob("dev.tuner.core.inject.MethodObjectiveTest$QuadCase.quad.x",
                dev.tuner.core.space.Uniform.of(-10, 10), double.class));
    }

    @Test
    void preparingDrawsTheParametersKnobsInOrderWithoutRunningTheClass() throws Exception {
        MethodObjective objective = objective(CountedCase.class);
        Trial trial = Studies.inMemory(CountedCase.class.getName(), 11).ask();
        CountedCase.instances = 0;

        objective.prepare(trial);

        assertThat(trial.params()).containsOnlyKeys(knob(CountedCase.class, "x"), knob(CountedCase.class, "n"));
        assertThat(trial.params().keySet()).first().isEqualTo(knob(CountedCase.class, "x"));
        assertThat(CountedCase.instances).isZero();
        Map<String, Object> prepared = Map.copyOf(trial.params());

        double value = objective.evaluate(trial);

        assertThat(CountedCase.instances).isEqualTo(1);
        assertThat(trial.params()).containsAllEntriesOf(prepared).containsKey(knob(CountedCase.class, "extra"));
        assertThat(value).isEqualTo((Double) prepared.get(knob(CountedCase.class, "x"))
                + ((Number) prepared.get(knob(CountedCase.class, "n"))).doubleValue()
                + (Double) trial.params().get(knob(CountedCase.class, "extra")));
    }

    @Test
    void theStudyIsNamedAfterClassAndMethod() {
        assertThat(MethodObjective.studyName(QuadCase.class, tuneMethod(QuadCase.class)))
                .isEqualTo("dev.tuner.core.inject.MethodObjectiveTest$QuadCase.quad");
    }

    @Test
    void evaluatesTheMethodWithTheTrialsKnobValues() throws Exception {
        Study study = Studies.inMemory(QuadCase.class.getName(), 11);
        Trial trial = study.ask();

        double value = objective(QuadCase.class).evaluate(trial);

        double x = (Double) trial.params().get("dev.tuner.core.inject.MethodObjectiveTest$QuadCase.quad.x");
        assertThat(x).isBetween(-10.0, 10.0);
        assertThat(value).isEqualTo(x * x);
    }

    @Test
    void convertsRealValuesToFloat() throws Exception {
        MethodObjective objective = objective(FloatCase.class);
        Study study = Studies.inMemory(FloatCase.class.getName(), 11);
        Trial trial = study.ask();

        double value = objective.evaluate(trial);

        float x = (float) (double) (Double) trial.params().get(knob(FloatCase.class, "x"));
        float y = (float) (double) (Double) trial.params().get(knob(FloatCase.class, "y"));
        assertThat(value).isEqualTo((double) (x + y));
        assertThat(objective.knobs()).extracting(Knob::type).containsExactly(float.class, Float.class);
        assertThat(objective.knobs().get(1).distribution()).isEqualTo(dev.tuner.core.space.LogUniform.of(1e-3, 1));
    }

    @Test
    void convertsIntegerValuesToIntAndLong() throws Exception {
        MethodObjective objective = objective(IntCase.class);
        Study study = Studies.inMemory(IntCase.class.getName(), 11);
        for (int i = 0; i < 20; i++) {
            Trial trial = study.ask();

            double value = objective.evaluate(trial);

            Map<String, Object> params = trial.params();
            long n = (Long) params.get(knob(IntCase.class, "n"));
            long big = (Long) params.get(knob(IntCase.class, "big"));
            long boxed = (Long) params.get(knob(IntCase.class, "boxed"));
            assertThat(value).isEqualTo((double) (big * 100 + boxed * 10 + n));
        }
        assertThat(objective.knobs()).extracting(Knob::distribution).containsExactly(
                dev.tuner.core.space.IntUniform.of(-5, 5), dev.tuner.core.space.IntUniform.of(0, 1L << 40),
                dev.tuner.core.space.IntUniform.of(1, 3));
    }

    @Test
    void aChoiceWithoutValuesOnAnEnumChoosesAmongAllConstants() throws Exception {
        MethodObjective objective = objective(EnumCase.class);
        Study study = Studies.inMemory(EnumCase.class.getName(), 11);
        Set<Double> values = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            Trial trial = study.ask();
            double value = objective.evaluate(trial);
            assertThat(value).isEqualTo(((Color) trial.params().get(knob(EnumCase.class, "color"))).ordinal());
            values.add(value);
        }

        assertThat(objective.knobs().get(0).distribution())
                .isEqualTo(dev.tuner.core.space.Choice.of(Color.RED, Color.GREEN, Color.BLUE));
        assertThat(values).containsExactlyInAnyOrder(0.0, 1.0, 2.0);
    }

    @Test
    void anEnumWhoseConstantsHaveBodiesIsChosenAmongItsConstants() throws Exception {
        MethodObjective objective = objective(EnumWithBodiesCase.class);
        Study study = Studies.inMemory(EnumWithBodiesCase.class.getName(), 11);
        Set<Double> values = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            values.add(objective.evaluate(study.ask()));
        }

        assertThat(objective.knobs().get(0).distribution())
                .isEqualTo(dev.tuner.core.space.Choice.of(Operation.ADD, Operation.DOUBLE));
        assertThat(values).containsExactlyInAnyOrder(4.0, 6.0);
    }

    @Test
    void aChoiceOnAnEnumCanNameSomeConstants() {
        assertThat(objective(NamedEnumCase.class).knobs().get(0).distribution())
                .isEqualTo(dev.tuner.core.space.Choice.of(Color.BLUE, Color.RED));
    }

    @Test
    void aChoiceOnAStringChoosesAmongTheValues() throws Exception {
        MethodObjective objective = objective(StringCase.class);
        Study study = Studies.inMemory(StringCase.class.getName(), 11);
        Set<Double> values = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            values.add(objective.evaluate(study.ask()));
        }

        assertThat(objective.knobs().get(0).distribution()).isEqualTo(dev.tuner.core.space.Choice.of("a", "bb", "ccc"));
        assertThat(values).containsExactlyInAnyOrder(1.0, 2.0, 3.0);
    }

    @Test
    void aChoiceParsesItsValuesAsTheParameterType() throws Exception {
        MethodObjective objective = objective(ParsedChoiceCase.class);

        assertThat(objective.knobs()).extracting(Knob::distribution).containsExactly(
                dev.tuner.core.space.Choice.of(16, 32, 64),
                dev.tuner.core.space.Choice.of(0.5, 2.0),
                dev.tuner.core.space.Choice.of(true, false),
                dev.tuner.core.space.Choice.of(3L),
                dev.tuner.core.space.Choice.of(1.5f));

        Study study = Studies.inMemory(ParsedChoiceCase.class.getName(), 11);
        for (int i = 0; i < 20; i++) {
            Trial trial = study.ask();
            double value = objective.evaluate(trial);
            Map<String, Object> params = trial.params();
            int batch = (Integer) params.get(knob(ParsedChoiceCase.class, "batch"));
            double scale = (Double) params.get(knob(ParsedChoiceCase.class, "scale"));
            boolean flag = (Boolean) params.get(knob(ParsedChoiceCase.class, "flag"));
            assertThat(value).isEqualTo(batch * scale + (flag ? 1000 : 0) + 3 + 1.5);
        }
    }

    @Test
    void aTrialParameterReceivesTheTrialWhoseSuggestedKnobsAreTheStudys() throws Exception {
        MethodObjective objective = objective(TrialParameterCase.class);
        Trial trial = Studies.inMemory(TrialParameterCase.class.getName(), 11).ask();

        double value = objective.evaluate(trial);

        assertThat(objective.knobs()).extracting(Knob::name).containsExactly(knob(TrialParameterCase.class, "x"));
        assertThat(trial.params()).containsOnlyKeys(knob(TrialParameterCase.class, "x"),
                knob(TrialParameterCase.class, "extra"));
        assertThat(value).isEqualTo((Double) trial.params().get(knob(TrialParameterCase.class, "x"))
                + (Double) trial.params().get(knob(TrialParameterCase.class, "extra")));
    }

    @Test
    void twoStudiesOfAClassThatSuggestOneNameHaveAKnobEach() throws Exception {
        Trial first = Studies.inMemory("first", 11).ask();
        Trial second = Studies.inMemory("second", 11).ask();

        MethodObjective.of(TwoStudiesCase.class.getDeclaredMethod("first", Trial.class)).evaluate(first);
        MethodObjective.of(TwoStudiesCase.class.getDeclaredMethod("second", Trial.class)).evaluate(second);

        assertThat(first.params()).containsOnlyKeys(TwoStudiesCase.class.getName() + ".first.rounds");
        assertThat(second.params()).containsOnlyKeys(TwoStudiesCase.class.getName() + ".second.rounds");
    }

    @Test
    void theMethodSeesTheKnobsItSuggestedByTheNamesItGave() throws Exception {
        Trial trial = Studies.inMemory(ParamsSeenCase.class.getName(), 11).ask();

        objective(ParamsSeenCase.class).evaluate(trial);

        assertThat(ParamsSeenCase.seen).containsOnlyKeys("x", "rounds");
        assertThat(ParamsSeenCase.seen.get("rounds")).isEqualTo(trial.params().get(knob(ParamsSeenCase.class, "rounds")));
    }

    @Test
    void aFreshInstanceServesEachEvaluation() throws Exception {
        MethodObjective objective = objective(FreshInstanceCase.class);
        Study study = Studies.inMemory(FreshInstanceCase.class.getName(), 11);

        assertThat(objective.evaluate(study.ask())).isEqualTo(1.0);
        assertThat(objective.evaluate(study.ask())).isEqualTo(1.0);
    }

    @Test
    void aPrivateClassWithANumberReturnWorks() throws Exception {
        MethodObjective objective = objective(PrivateClassCase.class);
        Trial trial = Studies.inMemory(PrivateClassCase.class.getName(), 11).ask();

        double value = objective.evaluate(trial);

        assertThat(value).isEqualTo((Long) trial.params().get(knob(PrivateClassCase.class, "n")) / 10.0);
    }

    @Test
    void theObjectivesOwnExceptionComesThroughUnwrapped() {
        MethodObjective objective = objective(ThrowingCase.class);
        Study study = Studies.inMemory(ThrowingCase.class.getName(), 11);

        assertThatIllegalStateException().isThrownBy(() -> objective.evaluate(study.ask())).withMessage("diverged");

        TrialOutcome outcome = study.runTrial(objective);
        assertThat(outcome.trial().state()).isEqualTo(TrialState.FAIL);
        assertThat(outcome.trial().failure().orElseThrow().type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(outcome.trial().failure().orElseThrow().where()).contains("ThrowingCase.f(");
    }

    @Test
    void aNullResultIsAnError() {
        MethodObjective objective = objective(NullCase.class);

        assertThatIllegalStateException()
                .isThrownBy(() -> objective.evaluate(Studies.inMemory(NullCase.class.getName(), 11).ask()))
                .withMessageContaining(NullCase.class.getName() + ".f()")
                .withMessageContaining("returned null");
    }

    @Test
    void anInheritedMethodIsNamedAfterAndRunOnTheSubclass() throws Exception {
        Method inherited = tuneMethod(BaseCase.class);
        MethodObjective objective = MethodObjective.of(SubCase.class, inherited);
        Trial trial = Studies.inMemory(SubCase.class.getName(), 11).ask();

        double value = objective.evaluate(trial);

        assertThat(MethodObjective.studyName(SubCase.class, inherited)).isEqualTo(SubCase.class.getName() + ".f");
        assertThat(objective.knobs()).extracting(Knob::name).containsExactly(SubCase.class.getName() + ".f.x");
        assertThat(value).isEqualTo(100 + (Double) trial.params().get(SubCase.class.getName() + ".f.x"));
        assertThat(MethodObjective.of(inherited).knobs()).extracting(Knob::name)
                .containsExactly(BaseCase.class.getName() + ".f.x");
    }

    @Test
    void aMethodOfAnAbstractClassRunsOnAConcreteSubclass() throws Exception {
        Method inherited = tuneMethod(AbstractBaseCase.class);
        MethodObjective objective = MethodObjective.of(ConcreteCase.class, inherited);

        assertThat(objective.evaluate(Studies.inMemory(ConcreteCase.class.getName(), 11).ask())).isBetween(0.0, 1.0);
        assertThatThrownBy(() -> MethodObjective.of(inherited))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageContaining(AbstractBaseCase.class.getName() + " is abstract");
    }

    // ---- tests of invalid declarations -------------------------------------------------------

    static Stream<Arguments> invalidMethods() {
        return Stream.of(
                arguments(StaticCase.class, "f(double)", "must be neither static nor private"),
                arguments(PrivateCase.class, "f(double)", "must be neither static nor private"),
                arguments(VoidCase.class, "f(double)", "returns void, but the objective must be a number"),
                arguments(StringReturnCase.class, "f()", "returns java.lang.String, but the objective must be a number"),
                arguments(NoNoArgConstructorCase.class, "f()", "has no constructor without arguments"),
                arguments(InnerCase.class, "f()", "is an inner class; declare it static"),
                arguments(AbstractCase.class, "f()", "is abstract"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMethods")
    void rejectsAnInvalidMethodNamingIt(Class<?> type, String signature, String rule) {
        assertThatThrownBy(() -> objective(type))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageStartingWith("@Tune method " + type.getName() + "." + signature + ": ")
                .hasMessageContaining(rule);
    }

    static Stream<Arguments> invalidParameters() {
        return Stream.of(
                arguments(UnannotatedCase.class, "y", "has no knob annotation"),
                arguments(TwoKnobsCase.class, "x", "carries 2 knob annotations; keep exactly one"),
                arguments(UniformOnStringCase.class, "x",
                        "@Uniform produces double or float values, but the type is java.lang.String"),
                arguments(IntUniformOnDoubleCase.class, "x", "@IntUniform produces int or long values, but the type is double"),
                arguments(IntUniformTooLargeForIntCase.class, "x", "@IntUniform range 0..2147483648 does not fit an int"),
                arguments(IntUniformBelowIntCase.class, "x", "@IntUniform range -2147483649..0 does not fit an int"),
                arguments(IntUniformBeyondExactCase.class, "x", "@IntUniform is invalid: integer bounds must lie within ±2^53"),
                arguments(EmptyChoiceCase.class, "x", "@Choice has no options"),
                arguments(UnparseableChoiceCase.class, "x", "@Choice option 'two' is not a valid int"),
                arguments(UnparseableBooleanCase.class, "x", "@Choice option 'yes' is not a valid boolean"),
                arguments(DuplicateChoiceCase.class, "x", "@Choice is invalid: the options of a choice must be distinct"),
                arguments(UnknownEnumConstantCase.class, "x",
                        "@Choice option 'PURPLE' is not a constant of " + Color.class.getName() + "; use one of [RED, GREEN, BLUE]"),
                arguments(ChoiceOnCharCase.class, "x", "@Choice cannot produce values of type char"),
                arguments(UniformMinNotBelowMaxCase.class, "x", "@Uniform is invalid: min (1.0) must be less than max (1.0)"),
                arguments(LogUniformMinNotBelowMaxCase.class, "x", "@LogUniform is invalid: min (2.0) must be less than max (1.0)"),
                arguments(IntUniformMinNotBelowMaxCase.class, "x", "@IntUniform is invalid: min (3) must be less than max (2)"),
                arguments(LogUniformNotPositiveCase.class, "x", "@LogUniform is invalid: a log-uniform range must be positive"),
                arguments(UniformInfiniteCase.class, "x", "@Uniform is invalid: bounds must be finite"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidParameters")
    void rejectsAnInvalidKnobNamingItsParameter(Class<?> type, String parameter, String rule) {
        Method method = tuneMethod(type);

        assertThatThrownBy(() -> MethodObjective.of(method))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageStartingWith("parameter '" + parameter + "' of @Tune method " + type.getName() + ".f(")
                .hasMessageContaining(rule);
    }
}
