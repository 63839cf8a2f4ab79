package dev.tuner.core.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuner.Choice;
import dev.tuner.IntUniform;
import dev.tuner.LogUniform;
import dev.tuner.Tune;
import dev.tuner.Uniform;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading knobs from every kind of member, their names, and every declaration that cannot work. */
class MemberKnobsTest {

    private static final String PREFIX = MemberKnobsTest.class.getName() + "$";

    enum Activation { RELU, TANH, ELU }

    static class Fields {
        @Uniform(min = 0, max = 1)
        double instanceDouble = 0.5;

        @IntUniform(min = 1, max = 8)
        static int staticInt = 2;

        @LogUniform(min = 1e-4, max = 1e-1)
        private final double finalRate = Math.abs(1e-2);

        @IntUniform(min = 1, max = 9)
        static final int STATIC_FINAL_FROM_CALL = Integer.parseInt("3");

        @Choice({"relu", "tanh"})
        public String activation = "relu";

        @IntUniform(min = 1, max = 3)
        protected Integer boxed = 1;

        @Uniform(min = 0, max = 1)
        Float boxedFloat = 0.5f;

        @IntUniform(min = 1, max = 1000)
        long big = 10;

        @Choice
        Activation enumChoice = Activation.RELU;

        @Choice({"true", "false"})
        boolean flag;

        double plain = 1;
    }

    static class Methods {
        @IntUniform(min = 16, max = 4096)
        int batchSize() {
            return 128;
        }

        @Uniform(min = 0, max = 1)
        static double momentum() {
            return 0.9;
        }

        int unannotated() {
            return 1;
        }
    }

    record Point(@Uniform(min = -1, max = 1) double x, @IntUniform(min = 0, max = 5) int n) {}

    // ---- a tree-structured space: a sealed interface, records, a class, an abstract sealed class,
    // ---- and a sealed choice inside a branch (depth 2)

    sealed interface Model permits Svm, Forest, Boosted {}

    record Svm(@LogUniform(min = 1e-3, max = 1e3) double c, @Choice Kernel kernel) implements Model {}

    sealed interface Kernel permits Linear, Rbf {}

    record Linear() implements Kernel {}

    record Rbf(@LogUniform(min = 1e-6, max = 10) double gamma) implements Kernel {}

    static final class Forest implements Model {
        @IntUniform(min = 10, max = 500)
        int trees = 100;

        @Choice({"sqrt", "log2"})
        String maxFeatures = "sqrt";

        int unannotated = 7;
    }

    abstract static sealed class Boosted implements Model permits Gbm {}

    static final class Gbm extends Boosted {
        @Uniform(min = 0.01, max = 0.3)
        double learningRate = 0.1;
    }

    static class SelectTestCase {
        @Tune
        double select(@Choice Model model, @Choice Activation activation) {
            return 0;
        }
    }

    // ---- valid declarations ------------------------------------------------------------------

    @Test
    void fieldsOfEveryKindAreKnobsNamedAfterTheirDeclaringClass() {
        List<String> names = MemberKnobs.declaredBy(Fields.class).stream().map(knob -> knob.knob().name()).toList();

        assertThat(names).containsExactlyInAnyOrder(
                PREFIX + "Fields.instanceDouble",
                PREFIX + "Fields.staticInt",
                PREFIX + "Fields.finalRate",
                PREFIX + "Fields.STATIC_FINAL_FROM_CALL",
                PREFIX + "Fields.activation",
                PREFIX + "Fields.boxed",
                PREFIX + "Fields.boxedFloat",
                PREFIX + "Fields.big",
                PREFIX + "Fields.enumChoice",
                PREFIX + "Fields.flag");
    }

    @Test
    void aFieldKnobHasTheFieldsTypeAndTheAnnotationsDistribution() throws Exception {
        Knob rate = MemberKnobs.field(Fields.class.getDeclaredField("finalRate")).orElseThrow().knob();
        Knob color = MemberKnobs.field(Fields.class.getDeclaredField("enumChoice")).orElseThrow().knob();
        Knob boxed = MemberKnobs.field(Fields.class.getDeclaredField("boxed")).orElseThrow().knob();

        assertThat(rate.type()).isEqualTo(double.class);
        assertThat(rate.distribution()).isEqualTo(dev.tuner.core.space.LogUniform.of(1e-4, 1e-1));
        assertThat(color.distribution()).isEqualTo(dev.tuner.core.space.Choice.of(List.of(Activation.values())));
        assertThat(boxed.type()).isEqualTo(Integer.class);
        assertThat(MemberKnobs.field(Fields.class.getDeclaredField("plain"))).isEmpty();
    }

    @Test
    void methodsWithoutParametersAreKnobsNamedAfterTheMethod() throws Exception {
        assertThat(MemberKnobs.declaredBy(Methods.class)).extracting(knob -> knob.knob().name())
                .containsExactlyInAnyOrder(PREFIX + "Methods.batchSize", PREFIX + "Methods.momentum");
        Knob batch = MemberKnobs.method(Methods.class.getDeclaredMethod("batchSize")).orElseThrow().knob();
        assertThat(batch.type()).isEqualTo(int.class);
        assertThat(batch.distribution()).isEqualTo(dev.tuner.core.space.IntUniform.of(16, 4096));
    }

    @Test
    void recordComponentsAreKnobsCountedOnceNotAlsoAsFieldAndAccessor() {
        assertThat(MemberKnobs.declaredBy(Point.class)).extracting(knob -> knob.knob().name())
                .containsExactly(PREFIX + "Point.x", PREFIX + "Point.n");
        assertThat(MemberKnobs.recordComponent(Point.class.getRecordComponents()[1]).orElseThrow().knob().type())
                .isEqualTo(int.class);
    }

    @Test
    void aChoiceOverASealedTypeIsATreeOfItsBranchesKnobsToAnyDepth() {
        MethodObjective objective = MethodObjective.of(TuneMethods.tuneMethod(SelectTestCase.class));
        String model = PREFIX + "SelectTestCase.select.model";

        assertThat(objective.parameterSpace()).extracting(Knob::name).containsExactly(
                model,
                model + ".Svm.c",
                model + ".Svm.kernel",
                model + ".Svm.kernel.Rbf.gamma",
                model + ".Forest.trees",
                model + ".Forest.maxFeatures",
                model + ".Gbm.learningRate",
                PREFIX + "SelectTestCase.select.activation");
        Knob top = objective.knobs().get(0);
        assertThat(top.type()).isEqualTo(Model.class);
        assertThat(top.distribution())
                .isEqualTo(dev.tuner.core.space.Choice.of(List.of(Svm.class, Forest.class, Gbm.class)));
        assertThat(objective.parameterSpace().get(2).distribution())
                .isEqualTo(dev.tuner.core.space.Choice.of(List.of(Linear.class, Rbf.class)));
    }

    // ---- invalid declarations ----------------------------------------------------------------

    static class StaticConstantCase {
        @Uniform(min = 0, max = 1)
        static final double RATE = 0.5;
    }

    static class StringConstantCase {
        @Choice({"a", "b"})
        static final String MODE = "a";
    }

    static class InstanceConstantCase {
        @IntUniform(min = 0, max = 9)
        final int layers = 2;
    }

    static class MethodWithParametersCase {
        @Uniform(min = 0, max = 1)
        double rate(int epoch) {
            return 0.5;
        }
    }

    static class VoidMethodCase {
        @Uniform(min = 0, max = 1)
        void rate() {}
    }

    abstract static class AbstractMethodCase {
        @Uniform(min = 0, max = 1)
        abstract double rate();
    }

    static class TwoAnnotationsCase {
        @Uniform(min = 0, max = 1)
        @LogUniform(min = 1e-3, max = 1)
        double rate = 0.5;
    }

    static class WrongTypeCase {
        @Uniform(min = 0, max = 1)
        String rate = "0.5";
    }

    static class MinNotBelowMaxCase {
        @Uniform(min = 1, max = 1)
        double rate = 1;
    }

    sealed interface Unannotated permits Bare {}

    record Bare(double c) implements Unannotated {}

    static class UnannotatedComponentCase {
        @Choice
        Unannotated model = new Bare(1);
    }

    sealed interface NeedsArgument permits WithArgument {}

    static final class WithArgument implements NeedsArgument {
        WithArgument(int n) {}
    }

    static class NoConstructorCase {
        @Choice
        NeedsArgument model;
    }

    sealed interface Open permits OpenBase {}

    abstract static non-sealed class OpenBase implements Open {}

    static class NonSealedCase {
        @Choice
        Open model;
    }

    static class NamedBranchesCase {
        @Choice({"Gbm", "Svm"})
        Model model;
    }

    sealed interface Expr permits Leaf, Node {}

    record Leaf(@Uniform(min = 0, max = 1) double value) implements Expr {}

    record Node(@Choice Expr left) implements Expr {}

    static class CycleCase {
        @Choice
        Expr expr;
    }

    static class ReferencesAConstantTestCase {
        @Tune
        double objective() {
            return new InstanceConstantCase().hashCode();
        }
    }

    @Test
    void aStaticFinalConstantIsRejectedWithTheFix() {
        assertThatThrownBy(() -> MemberKnobs.declaredBy(StaticConstantCase.class))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageStartingWith("field " + PREFIX + "StaticConstantCase.RATE: ")
                .hasMessageContaining("compile-time constant")
                .hasMessageContaining("javac")
                .hasMessageContaining("drop final, or initialize it from a method call");
    }

    @Test
    void aStringConstantAndAnInstanceConstantAreRejectedToo() {
        assertThatThrownBy(() -> MemberKnobs.declaredBy(StringConstantCase.class))
                .hasMessageStartingWith("field " + PREFIX + "StringConstantCase.MODE: ")
                .hasMessageContaining("compile-time constant");
        assertThatThrownBy(() -> MemberKnobs.declaredBy(InstanceConstantCase.class))
                .hasMessageStartingWith("field " + PREFIX + "InstanceConstantCase.layers: ")
                .hasMessageContaining("compile-time constant");
    }

    @Test
    void aStudyWhoseObjectiveRefersToAClassWithAConstantKnobFailsAtDiscovery() {
        Method method = TuneMethods.tuneMethod(ReferencesAConstantTestCase.class);

        assertThatThrownBy(() -> MethodObjective.of(method))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageStartingWith("field " + PREFIX + "InstanceConstantCase.layers: ")
                .hasMessageContaining("compile-time constant");
    }

    /** Project code between the objective and the class with the invalid knob. */
    static class Helper {
        int value() {
            return new InstanceConstantCase().hashCode();
        }
    }

    static class ReferencesThroughAHelperTestCase {
        @Tune
        double objective() {
            return new Helper().value();
        }
    }

    @Test
    void discoveryFollowsTheProjectsOwnClassesToTheKnobs() {
        Method method = TuneMethods.tuneMethod(ReferencesThroughAHelperTestCase.class);

        assertThatThrownBy(() -> MethodObjective.of(method))
                .hasMessageStartingWith("field " + PREFIX + "InstanceConstantCase.layers: ");
        assertThat(ReferencedClasses.from(ReferencesThroughAHelperTestCase.class))
                .as("classes loaded for checking: the start and those with knobs, not the helper")
                .containsExactly(ReferencesThroughAHelperTestCase.class, InstanceConstantCase.class);
    }

    @Test
    void aKnobMethodMustTakeNoParametersReturnAValueAndHaveABody() {
        assertThatThrownBy(() -> MemberKnobs.declaredBy(MethodWithParametersCase.class))
                .hasMessageStartingWith("method " + PREFIX + "MethodWithParametersCase.rate(…): ")
                .hasMessageContaining("takes 1 parameter(s)")
                .hasMessageContaining("remove the parameters");
        assertThatThrownBy(() -> MemberKnobs.declaredBy(VoidMethodCase.class))
                .hasMessageStartingWith("method " + PREFIX + "VoidMethodCase.rate(): ")
                .hasMessageContaining("returns void");
        assertThatThrownBy(() -> MemberKnobs.declaredBy(AbstractMethodCase.class))
                .hasMessageStartingWith("method " + PREFIX + "AbstractMethodCase.rate(): ")
                .hasMessageContaining("is abstract")
                .hasMessageContaining("annotate the implementing method");
    }

    @Test
    void annotationRulesNameTheField() {
        assertThatThrownBy(() -> MemberKnobs.declaredBy(TwoAnnotationsCase.class))
                .hasMessageStartingWith("field " + PREFIX + "TwoAnnotationsCase.rate: ")
                .hasMessageContaining("2 knob annotations");
        assertThatThrownBy(() -> MemberKnobs.declaredBy(WrongTypeCase.class))
                .hasMessageStartingWith("field " + PREFIX + "WrongTypeCase.rate: ")
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> MemberKnobs.declaredBy(MinNotBelowMaxCase.class))
                .hasMessageStartingWith("field " + PREFIX + "MinNotBelowMaxCase.rate: ")
                .hasMessageContaining("@Uniform");
    }

    @Test
    void everyComponentOfARecordBranchNeedsAKnob() {
        assertThatThrownBy(() -> MemberKnobs.declaredBy(UnannotatedComponentCase.class))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageStartingWith("record component " + PREFIX + "Bare.c: ")
                .hasMessageContaining("has no knob annotation");
    }

    @Test
    void aClassBranchNeedsAConstructorWithoutArguments() {
        assertThatThrownBy(() -> MemberKnobs.declaredBy(NoConstructorCase.class))
                .hasMessageStartingWith("@Choice branch " + PREFIX + "WithArgument: ")
                .hasMessageContaining("no constructor without arguments");
    }

    @Test
    void aNonSealedAbstractBranchHasNoKnownBranches() {
        assertThatThrownBy(() -> MemberKnobs.declaredBy(NonSealedCase.class))
                .hasMessageStartingWith("field " + PREFIX + "NonSealedCase.model: ")
                .hasMessageContaining(PREFIX + "OpenBase")
                .hasMessageContaining("abstract and not sealed")
                .hasMessageContaining("make it sealed");
    }

    @Test
    void aChoiceOverASealedTypeMayNameTheBranchesItKeeps() throws Exception {
        KnobValue model = MemberKnobs.field(NamedBranchesCase.class.getDeclaredField("model")).orElseThrow();
        String name = PREFIX + "NamedBranchesCase.model";

        assertThat(model.knob().distribution())
                .isEqualTo(dev.tuner.core.space.Choice.of(List.of(Gbm.class, Svm.class)));
        assertThat(model.knobs()).extracting(Knob::name).containsExactly(name, name + ".Gbm.learningRate",
                name + ".Svm.c", name + ".Svm.kernel", name + ".Svm.kernel.Rbf.gamma");
    }

    @Test
    void aSealedTypeThatContainsItselfIsRejected() {
        assertThatThrownBy(() -> MemberKnobs.declaredBy(CycleCase.class))
                .hasMessageStartingWith("record component " + PREFIX + "Node.left: ")
                .hasMessageContaining("contains itself (Expr > Expr)");
    }

    @Test
    void constantDetectionReadsTheClassFile() throws Exception {
        Field constant = StaticConstantCase.class.getDeclaredField("RATE");
        Field fromCall = Fields.class.getDeclaredField("STATIC_FINAL_FROM_CALL");
        Field finalFromCall = Fields.class.getDeclaredField("finalRate");

        assertThat(ConstantFields.isConstant(constant)).isTrue();
        assertThat(ConstantFields.isConstant(fromCall)).isFalse();
        assertThat(ConstantFields.isConstant(finalFromCall)).isFalse();
    }
}
