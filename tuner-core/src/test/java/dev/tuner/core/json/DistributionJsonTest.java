package dev.tuner.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.PriorityChoice;
import dev.tuner.core.space.Uniform;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionJsonTest {

    enum Kernel {
        LINEAR,
        RBF {
            @Override
            public String toString() {
                return "radial";
            }
        }
    }

    @Test
    void writesEachKindWithItsParameters() {
        assertThat(DistributionJson.write(Uniform.of(-10, 10).quantized(0.5)))
                .isEqualTo("{\"type\":\"uniform\",\"min\":-10.0,\"max\":10.0,\"q\":0.5}");
        assertThat(DistributionJson.write(LogUniform.of(1e-5, 0.1)))
                .isEqualTo("{\"type\":\"loguniform\",\"min\":1.0E-5,\"max\":0.1}");
        assertThat(DistributionJson.write(LogNormal.of(0, 1)))
                .isEqualTo("{\"type\":\"lognormal\",\"mean\":0.0,\"sd\":1.0,\"min\":0.0}");
        assertThat(DistributionJson.write(IntUniform.of(1, 1024).onLogScale()))
                .isEqualTo("{\"type\":\"intuniform\",\"min\":1,\"max\":1024,\"step\":1,\"log\":true}");
        assertThat(DistributionJson.write(Fixed.of("rbf"))).isEqualTo("{\"type\":\"fixed\",\"value\":\"rbf\"}");
    }

    @Test
    void optionsKeepTheirJavaType() {
        Choice choice = Choice.of("relu", 16, 32L, (short) 3, (byte) 4, 0.5, 1.5f, Double.NaN, true);

        String json = DistributionJson.write(choice);

        assertThat(json).isEqualTo("{\"type\":\"choice\",\"options\":[\"relu\",16,{\"long\":32},{\"short\":3},{\"byte\":4},"
                + "0.5,{\"float\":\"1.5\"},{\"double\":\"NaN\"},true]}");
        assertThat(DistributionJson.read(json)).isEqualTo(choice);
    }

    @Test
    void enumOptionsCarryTheirClassName() {
        Choice choice = Choice.of(Kernel.LINEAR, Kernel.RBF);

        String json = DistributionJson.write(choice);

        assertThat(json).contains("{\"enum\":\"dev.tuner.core.json.DistributionJsonTest$Kernel\",\"name\":\"RBF\"}");
        assertThat(DistributionJson.read(json)).isEqualTo(choice);
    }

    @Test
    void classOptionsCarryTheirName() {
        PriorityChoice choice = PriorityChoice.of(List.of(String.class, Kernel.class));

        String json = DistributionJson.write(choice);

        assertThat(json).isEqualTo("{\"type\":\"prioritychoice\",\"options\":[{\"class\":\"java.lang.String\"},"
                + "{\"class\":\"dev.tuner.core.json.DistributionJsonTest$Kernel\"}]}");
        assertThat(DistributionJson.read(json)).isEqualTo(choice);
    }

    @Test
    void absentOptionalFieldsTakeTheirDefaults() {
        assertThat(DistributionJson.read("{\"type\":\"normal\",\"mean\":1,\"sd\":2}")).isEqualTo(Normal.of(1, 2));
        assertThat(DistributionJson.read("{\"type\":\"intuniform\",\"min\":1,\"max\":3}")).isEqualTo(IntUniform.of(1, 3));
    }

    @Test
    void rejectsInvalidJsonSayingWhat() {
        assertThatIllegalArgumentException().isThrownBy(() -> DistributionJson.read("{"))
                .withMessageContaining("not a JSON distribution");
        assertThatIllegalArgumentException().isThrownBy(() -> DistributionJson.read("{\"type\":\"gamma\"}"))
                .withMessageContaining("unknown type 'gamma'; use one of uniform");
        assertThatIllegalArgumentException().isThrownBy(() -> DistributionJson.read("{\"type\":\"uniform\",\"min\":1}"))
                .withMessageContaining("field 'max' is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> DistributionJson.read("{\"type\":\"uniform\",\"min\":1,\"max\":0}"))
                .withMessageContaining("min (1.0) must be less than max (0.0)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DistributionJson.read("{\"type\":\"choice\",\"options\":[{\"enum\":\"java.lang.String\",\"name\":\"A\"}]}"))
                .withMessageContaining("java.lang.String is not an enum");
    }
}
