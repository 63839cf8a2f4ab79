package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.core.json.DistributionJson;
import org.junit.jupiter.api.Test;

class CustomDistributionTest extends DistributionContractTest {

    @Override
    Distribution distribution() {
        return new PowersOfTwo(10);
    }

    @Override
    Object foreignValue() {
        return 3L;
    }

    @Test
    void drawsEveryPowerEquallyOften() {
        assertThat(GoodnessOfFit.chiSquare(draws(distribution()), GoodnessOfFit.uniformIndices(11)))
                .isGreaterThan(GoodnessOfFit.ALPHA);
        assertThat(distribution().toExternal(10)).isEqualTo(1024L);
    }

    @Test
    void itsJsonFormIsItsClassAndItsJacksonForm() {
        assertThat(DistributionJson.write(new PowersOfTwo(10)))
                .isEqualTo("{\"type\":\"custom\",\"class\":\"dev.tuner.core.space.PowersOfTwo\",\"value\":{\"maxExponent\":10}}");
    }

    @Test
    void readingAnUnknownOrForeignClassSaysWhat() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DistributionJson.read("{\"type\":\"custom\",\"class\":\"com.acme.Gone\",\"value\":{}}"))
                .withMessageContaining("class com.acme.Gone is not on the class path");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DistributionJson.read("{\"type\":\"custom\",\"class\":\"java.lang.String\",\"value\":{}}"))
                .withMessageContaining("java.lang.String is not a dev.tuner.core.space.CustomDistribution");
    }

    @Test
    void doesNotNarrowUnlessItSaysHow() {
        assertThat(new PowersOfTwo(10).narrow(3, 0.1)).isEqualTo(new PowersOfTwo(10));
    }
}
