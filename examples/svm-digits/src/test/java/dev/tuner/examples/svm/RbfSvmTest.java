package dev.tuner.examples.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The accuracies scikit-learn's SVC reached at points of the reference runs
 * (shared/bench/svm_digits.json, seeds 0 and 1 of Optuna's TPE): libsvm, set up the same way,
 * must reach exactly the same, or the benchmark would not compare like for like.
 */
class RbfSvmTest {

    private static final Dataset DIGITS = Datasets.digits();

    @ParameterizedTest(name = "C={0} gamma={1} -> {2}")
    @CsvSource({
        "1.96282248134428, 0.10146717394418031, 0.9907407407407407",
        "4.135997393839888, 0.00651901951281781, 0.9703703703703703",
        "0.348280208702833, 0.033209228886981655, 0.9592592592592593",
        "0.4222048983149828, 1.7474751375465036, 0.6370370370370371",
        "605.3082080079017, 0.00048315962083818554, 0.9833333333333333",
        "56.27949975223143, 0.005038072794440212, 0.9851851851851852",
        "2.5601615250028704, 3.014230555820276, 0.7537037037037037",
        "0.002668187524237051, 4.072912667361452e-06, 0.10185185185185185",
        "274.90234528269065, 0.3945055650483863, 0.9962962962962963"
    })
    void reachesScikitLearnsAccuracy(double c, double gamma, double expected) {
        assertThat(RbfSvm.validationAccuracy(DIGITS, c, gamma)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 0", "-1, 1", "NaN, 1"})
    void rejectsNonPositiveSettings(double c, double gamma) {
        assertThatIllegalArgumentException().isThrownBy(() -> RbfSvm.validationAccuracy(DIGITS, c, gamma));
    }
}
