package dev.tuner.core.pruner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrunersTest {

    @Test
    void createsEachPrunerByName() {
        assertThat(Pruners.names()).containsExactly("nop", "median", "percentile", "sh", "hyperband");
        assertThat(Pruners.create("nop", Map.of())).isInstanceOf(NopPruner.class);
        assertThat(Pruners.create("median", Map.of())).isInstanceOf(MedianPruner.class);
        assertThat(Pruners.create("percentile", Map.of())).isInstanceOf(PercentilePruner.class)
                .hasToString("PercentilePruner[percentile=25.0, startupTrials=5, warmupSteps=0, interval=1, minTrials=1]");
        assertThat(Pruners.create("sh", Map.of())).isInstanceOf(SuccessiveHalvingPruner.class);
        assertThat(Pruners.create("hyperband", Map.of())).isInstanceOf(HyperbandPruner.class);
        assertThat(Pruners.names()).contains(Pruners.DEFAULT);
    }

    @Test
    void anUnknownNameOrOptionIsAClearError() {
        assertThatIllegalArgumentException().isThrownBy(() -> Pruners.create("asha", Map.of()))
                .withMessage("unknown pruner 'asha'; use one of nop, median, percentile, sh, hyperband");
        assertThatIllegalArgumentException().isThrownBy(() -> Pruners.create("nop", Map.of("warmupSteps", "3")))
                .withMessageContaining("the nop pruner takes no options, but got [warmupSteps]");
        assertThatIllegalArgumentException().isThrownBy(() -> Pruners.create("percentile", Map.of("interval", "0")))
                .withMessageContaining("interval must be at least 1, but it is 0");
    }
}
