package dev.tuner.core.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.space.Bool;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.storage.Squares;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The text a value is stored as reads back into the value's internal form, for every kind of knob. */
class EnqueuedValueTest {

    enum Kernel { LINEAR, RBF }

    sealed interface Model permits Svm, Forest {}

    record Svm(double c) implements Model {}

    record Forest(int trees) implements Model {}

    private static Map<String, Distribution> everyKind() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("uniform", Uniform.of(-10, 10));
        space.put("quantized", Uniform.of(-10, 10).quantized(0.1));
        space.put("loguniform", LogUniform.of(1e-7, 0.1));
        space.put("normal", Normal.of(0.5, 0.2).clipped(0, 1));
        space.put("lognormal", LogNormal.of(0, 3));
        space.put("intuniform", IntUniform.of(-1_000_000, 1_000_000));
        space.put("intlog", IntUniform.of(1, 1 << 30).onLogScale());
        space.put("intstep", IntUniform.of(0, 100).withStep(5));
        space.put("bool", Bool.of());
        space.put("strings", Choice.of("relu", "tanh", "elu"));
        space.put("mixed", Choice.of("relu", 16, 32L, 0.5, 0.1f, true, Kernel.RBF));
        space.put("enum", Choice.of(Kernel.LINEAR, Kernel.RBF));
        space.put("branch", Choice.of(Svm.class, Forest.class));
        space.put("priority", PriorityChoice.of("adam", "sgd"));
        space.put("fixed", Fixed.of("rbf"));
        space.put("custom", new Squares(1000));
        return space;
    }

    @Test
    void theStoredTextOfEveryValueReadsBackAsTheSameInternalValue() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        everyKind().forEach((knob, distribution) -> {
            for (int i = 0; i < 500; i++) {
                double internal = distribution.sample(rng);
                Object external = distribution.toExternal(internal);

                String text = EnqueuedValue.textOf(external);

                assertThat(EnqueuedValue.internalOf(knob, distribution, text))
                        .as("%s: %s stored as '%s'", distribution, external, text)
                        .isEqualTo(internal);
            }
        });
    }

    @Test
    void everyOptionOfAChoiceReadsBackAsItself() {
        everyKind().forEach((knob, distribution) -> {
            if (distribution.high() - distribution.low() < 16) {
                for (double internal = distribution.low(); internal <= distribution.high(); internal++) {
                    String text = EnqueuedValue.textOf(distribution.toExternal(internal));
                    assertThat(EnqueuedValue.internalOf(knob, distribution, text)).as("%s '%s'", distribution, text)
                            .isEqualTo(internal);
                }
            }
        });
    }

    @Test
    void valuesAsTheObjectiveReceivesThemAreWrittenAsPlainText() {
        assertThat(EnqueuedValue.textOf(0.1)).isEqualTo("0.1");
        assertThat(EnqueuedValue.textOf(1e-300)).isEqualTo("1.0E-300");
        assertThat(EnqueuedValue.textOf(0.1f)).isEqualTo(Double.toString((double) 0.1f));
        assertThat(EnqueuedValue.textOf(7L)).isEqualTo("7");
        assertThat(EnqueuedValue.textOf(7)).isEqualTo("7");
        assertThat(EnqueuedValue.textOf(true)).isEqualTo("true");
        assertThat(EnqueuedValue.textOf("relu")).isEqualTo("relu");
        assertThat(EnqueuedValue.textOf(Kernel.RBF)).isEqualTo("RBF");
        assertThat(EnqueuedValue.textOf(Svm.class)).isEqualTo(Svm.class.getName());
    }

    @Test
    void aFloatReadsBackAsTheDoubleItWidensTo() {
        Distribution uniform = Uniform.of(0, 1);

        assertThat(EnqueuedValue.internalOf("x", uniform, EnqueuedValue.textOf(0.1f)))
                .isEqualTo(uniform.toInternal(0.1f))
                .isEqualTo((double) 0.1f);
    }
}
