package dev.tuner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Tune;
import dev.tuner.engine.testcases.QuadraticStudy;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.engine.UniqueId;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

class TrialDescriptorTest {

    @Test
    void aTrialsAncestorsAreTheTreeAboveItWhileItIsInTheTree() {
        EngineDescriptor engine = new EngineDescriptor(UniqueId.forEngine(TunerTestEngine.ENGINE_ID), "Tuner");
        ClassDescriptor testClass = new ClassDescriptor(engine.getUniqueId(), QuadraticStudy.class);
        engine.addChild(testClass);
        Method tune = Arrays.stream(QuadraticStudy.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Tune.class)).findFirst().orElseThrow();
        TuneMethodDescriptor study = new TuneMethodDescriptor(testClass.getUniqueId(), QuadraticStudy.class, tune);
        testClass.addChild(study);

        TrialDescriptor first = new TrialDescriptor(study, TrialDescriptor.Kind.SEARCHED, 0, "#0");
        study.addChild(first);
        TrialDescriptor second = new TrialDescriptor(study, TrialDescriptor.Kind.SEARCHED, 1, "#1");
        study.addChild(second);

        assertThat(List.<TestDescriptor>copyOf(first.getAncestors())).containsExactly(study, testClass, engine);
        assertThat(second.getAncestors()).as("shared, not rebuilt").isSameAs(first.getAncestors());
        assertThat(List.<TestDescriptor>copyOf(study.getAncestors())).containsExactly(testClass, engine);
        study.removeChild(first);
        assertThat(first.getAncestors()).isEmpty();
    }
}
