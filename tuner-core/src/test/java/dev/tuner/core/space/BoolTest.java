package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.core.json.DistributionJson;
import org.junit.jupiter.api.Test;

class BoolTest extends DistributionContractTest {

    @Override
    Distribution distribution() {
        return Bool.of();
    }

    @Override
    Object foreignValue() {
        return "true";
    }

    @Test
    void drawsTrueAndFalseEquallyOften() {
        assertThat(GoodnessOfFit.chiSquare(draws(Bool.of()), GoodnessOfFit.uniformIndices(2)))
                .isGreaterThan(GoodnessOfFit.ALPHA);
    }

    @Test
    void externalValuesAreBooleans() {
        assertThat(Bool.of().toExternal(0)).isEqualTo(false);
        assertThat(Bool.of().toExternal(1)).isEqualTo(true);
        assertThat(Bool.of().toInternal(true)).isEqualTo(1.0);
        assertThatIllegalArgumentException().isThrownBy(() -> Bool.of().toExternal(2)).withMessageContaining("neither 0");
    }

    @Test
    void logDensityIsAHalf() {
        assertThat(Bool.of().logDensity(1)).isEqualTo(Math.log(0.5));
    }

    @Test
    void hasACanonicalTextForm() {
        assertThat(Bool.of()).hasToString("bool()");
        assertThat(DistributionJson.write(Bool.of())).isEqualTo("{\"type\":\"bool\"}");
    }

    @Test
    void narrowingCollapsesToTheGuessUnlessNothingIsCut() {
        assertThat(Bool.of().narrow(1, 0.9)).isEqualTo(Fixed.of(true));
        assertThat(Bool.of().narrow(0, 0.5)).isEqualTo(Fixed.of(false));
        assertThat(Bool.of().narrow(1, 1)).isEqualTo(Bool.of());
    }
}
