package dev.tuner.benchmarks.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tuner.benchmarks.CommandLine;
import dev.tuner.core.sampler.Samplers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SvmDigitsBenchmarkTest {

    @Test
    void bestSoFarKeepsTheMaximum() {
        assertThat(SvmDigitsBenchmark.bestSoFar(new double[] {0.5, 0.9, 0.7, 0.95}))
                .containsExactly(0.5, 0.9, 0.9, 0.95);
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertThat(SvmDigitsBenchmark.median(new double[] {1, 2, 3})).isEqualTo(2);
        assertThat(SvmDigitsBenchmark.median(new double[] {1, 2, 3, 10})).isEqualTo(2.5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryHasTheReferenceCheckpointsThatFitTheBudget() {
        double[] first = new double[20];
        double[] second = new double[20];
        java.util.Arrays.fill(first, 0.9);
        java.util.Arrays.fill(second, 0.8);
        second[19] = 1.0;

        Map<String, Object> summary = SvmDigitsBenchmark.checkpointSummary(List.of(first, second), 20);

        assertThat(summary).containsOnlyKeys("10", "20");
        Map<String, Object> at20 = (Map<String, Object>) summary.get("20");
        assertThat((double) at20.get("median")).isEqualTo(0.95);
        assertThat((double) at20.get("min")).isEqualTo(0.9);
        assertThat((double) at20.get("max")).isEqualTo(1.0);
    }

    @Test
    void optionsKeepTheirNamesAndDefaults() {
        CommandLine.Values defaults = SvmDigitsBenchmark.COMMAND.parse();
        assertThat(defaults.get(SvmDigitsBenchmark.SAMPLERS)).isEqualTo(Samplers.names());
        assertThat(defaults.get(SvmDigitsBenchmark.SEEDS)).isEqualTo(10);
        assertThat(defaults.get(SvmDigitsBenchmark.TRIALS)).isEqualTo(50);
        assertThat(defaults.get(SvmDigitsBenchmark.REFERENCE)).isEqualTo(Path.of("benchmarks/reference/svm_digits.json"));
        assertThat(defaults.get(SvmDigitsBenchmark.OUT)).isEqualTo(Path.of("benchmarks/target/results/svm_digits.json"));

        CommandLine.Values given = SvmDigitsBenchmark.COMMAND.parse("--samplers", "random,tpe", "--seeds", "3",
                "--trials", "20", "--reference", "r.json", "--out", "o.json");
        assertThat(given.get(SvmDigitsBenchmark.SAMPLERS)).containsExactly("random", "tpe");
        assertThat(given.get(SvmDigitsBenchmark.SEEDS)).isEqualTo(3);
        assertThat(given.get(SvmDigitsBenchmark.TRIALS)).isEqualTo(20);
        assertThat(given.get(SvmDigitsBenchmark.REFERENCE)).isEqualTo(Path.of("r.json"));
        assertThat(given.get(SvmDigitsBenchmark.OUT)).isEqualTo(Path.of("o.json"));

        assertThatIllegalArgumentException().isThrownBy(() -> SvmDigitsBenchmark.COMMAND.parse("--sampler", "tpe"))
                .withMessage("unknown option --sampler; use --samplers, --seeds, --trials, --reference or --out"
                        + " (--help describes them)");
    }
}
