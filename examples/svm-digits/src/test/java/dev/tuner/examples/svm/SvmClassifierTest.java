package dev.tuner.examples.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;
import libsvm.svm_parameter;
import org.junit.jupiter.api.Test;

class SvmClassifierTest {

    private static final Dataset DIGITS = Datasets.digits();

    @Test
    void aLinearKernelSeparatesTheDigitsWell() {
        svm_parameter parameters = SvmClassifier.parameters(1.0);
        parameters.kernel_type = svm_parameter.LINEAR;

        SvmClassifier classifier = SvmClassifier.fit(DIGITS.train(), parameters);

        assertThat(classifier.accuracy(DIGITS.valid())).isGreaterThan(0.95);
        assertThat(classifier.predict(DIGITS.valid().features()[0])).isEqualTo(DIGITS.valid().labels()[0]);
    }

    @Test
    void settingsLibsvmRejectsFailWithItsReason() {
        svm_parameter parameters = SvmClassifier.parameters(1.0);
        parameters.gamma = -1;

        assertThatIllegalArgumentException()
                .isThrownBy(() -> SvmClassifier.fit(DIGITS.train(), parameters))
                .withMessageContaining("gamma=-1.0")
                .withMessageContaining("gamma < 0");
    }
}
