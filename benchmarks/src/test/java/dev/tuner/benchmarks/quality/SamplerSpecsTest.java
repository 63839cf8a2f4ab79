package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sampler columns with options: {@code tpe+key=value}, {@code tpe:key=value} and {@code --option tpe.key=value}. */
class SamplerSpecsTest {

    @Test
    void optionsAreGivenInlineWithEitherSeparator() {
        assertThat(SamplerSpecs.name("tpe:gamma=0.15")).isEqualTo("tpe");
        assertThat(SamplerSpecs.options("tpe:gamma=0.15+multivariate=false"))
                .containsExactly(java.util.Map.entry("gamma", "0.15"), java.util.Map.entry("multivariate", "false"));
    }

    @Test
    void anOptionFlagAppliesToEveryColumnOfItsSamplerThatDoesNotSetIt() {
        List<String> columns = SamplerSpecs.expand(List.of("tpe", "tpe+gamma=0.1", "random"),
                List.of("tpe.gamma=0.15", "tpe.multivariate=false"));

        assertThat(columns).containsExactly("tpe+gamma=0.15+multivariate=false", "tpe+gamma=0.1+multivariate=false",
                "random");
    }

    @Test
    void badOptionsAreNamedWithTheirForm() {
        assertThatThrownBy(() -> SamplerSpecs.expand(List.of("tpe"), List.of("gamma=0.15")))
                .hasMessageContaining("sampler.key=value");
        assertThatThrownBy(() -> SamplerSpecs.options("tpe+gamma"))
                .hasMessageContaining("key=value");
        assertThatThrownBy(() -> SamplerSpecs.create("tpe+noSuchOption=1", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aColumnCreatesItsSamplerWithItsOptions() {
        assertThat(SamplerSpecs.create("tpe+multivariate=false+gamma=0.2", 3)).isNotNull();
    }
}
