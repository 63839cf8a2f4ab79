package dev.tuner.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A series of overhead runs summed up: what it reports, not how fast anything is. */
class OverheadSeriesTest {

    private static JsonNode run(double tuner, double jupiter) throws Exception {
        return new ObjectMapper().readTree("{\"tuner_us\": " + tuner + ", \"jupiter_us\": " + jupiter
                + ", \"tuner_to_jupiter\": " + tuner / jupiter + "}");
    }

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(OverheadSeries.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(OverheadSeries.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(OverheadSeries.median(new double[] {7})).isEqualTo(7);
    }

    @Test
    void aSeriesGivesEachFiguresRangeAndMedianAndTheRunsOnTarget() throws Exception {
        OverheadSeries series = OverheadSeries.of(List.of(run(72.5, 130), run(90, 150), run(70, 140), run(85, 170)));

        assertThat(series.tunerMedian()).isEqualTo(78.75);
        assertThat(series.jupiterMedian()).isEqualTo(145);
        assertThat(series.metTarget()).isEqualTo(3);
        assertThat(series.summary().get(0)).isEqualTo("4 runs: Tuner 70.0–90.0 (median 78.8) µs a trial, 3 of 4 at or under 85");
        assertThat(series.summary().get(1)).contains("Jupiter 130.0–170.0 (median 145.0) µs a repetition");
        JsonNode json = series.toJson();
        assertThat(json.get("runs").asInt()).isEqualTo(4);
        assertThat(json.get("tuner_us_min").asDouble()).isEqualTo(70);
        assertThat(json.get("tuner_us_max").asDouble()).isEqualTo(90);
        assertThat(json.get("runs_at_or_under_target").asInt()).isEqualTo(3);
        assertThat(json.get("results")).hasSize(4);
        assertThat(json.get("tuner_to_jupiter_median").asDouble()).isEqualTo(OverheadSeries.median(
                new double[] {72.5 / 130, 90 / 150.0, 70 / 140.0, 85 / 170.0}));
    }

    @Test
    void anEmptySeriesIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> OverheadSeries.of(List.of())).withMessageContaining("--runs");
    }

    @Test
    void eachRunOfASeriesWritesBesideTheSeriesFile() {
        assertThat(OverheadBenchmark.numbered(Path.of("target/results/overhead.json"), 3))
                .isEqualTo(Path.of("target/results/overhead-3.json"));
        assertThat(OverheadBenchmark.numbered(Path.of("out"), 2)).isEqualTo(Path.of("out-2"));
        assertThatIllegalArgumentException().isThrownBy(() -> OverheadBenchmark.Options.parse("--runs", "0"))
                .withMessageContaining("at least 1");
        assertThat(OverheadBenchmark.Options.parse("--runs", "5").runs()).isEqualTo(5);
    }
}
