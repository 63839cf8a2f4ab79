package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixedTest extends DistributionContractTest {

    @Override
    Distribution distribution() {
        return Fixed.of("rbf");
    }

    @Override
    Object foreignValue() {
        return 1;
    }

    @Override
    List<Distribution> variants() {
        return List.of(Fixed.of("rbf"), Fixed.of(0.5), Fixed.of(4L), Fixed.of(Scale.LOG), Fixed.of(true));
    }

    @Test
    void alwaysGivesItsValue() {
        assertThat(draws(Fixed.of("rbf"))).containsOnly(0.0);
        assertThat(Fixed.of("rbf").toExternal(0)).isEqualTo("rbf");
        assertThat(Fixed.of("rbf").logDensity(0)).isZero();
    }

    @Test
    void rejectsNullAndOtherValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> Fixed.of(null)).withMessageContaining("cannot be null");
        assertThatIllegalArgumentException().isThrownBy(() -> Fixed.of("rbf").toInternal("linear"))
                .withMessageContaining("is not the value of fixed(\"rbf\")");
    }

    @Test
    void narrowingLeavesItAsItIs() {
        assertThat(Fixed.of(0.5).narrow(0, 0.1)).isEqualTo(Fixed.of(0.5));
    }

    @Test
    void hasACanonicalTextForm() {
        assertThat(Fixed.of(0.5)).hasToString("fixed(0.5)");
        assertThat(Fixed.of("rbf")).hasToString("fixed(\"rbf\")");
    }
}
