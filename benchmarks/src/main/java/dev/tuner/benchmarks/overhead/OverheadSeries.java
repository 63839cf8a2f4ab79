package dev.tuner.benchmarks.overhead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Several runs of the overhead benchmark one after the other, summed up: the range and median of
 * Tuner's and Jupiter's figures and of their ratio, and how many runs met the target. On a shared
 * host one run says little (its speed changes from minute to minute); a series says how the figure
 * spreads.
 */
final class OverheadSeries {

    /** The target, µs a trial. */
    static final double TARGET_MICROS = 85;

    private final double[] tuner;
    private final double[] jupiter;
    private final double[] ratio;
    private final List<JsonNode> runs;

    private OverheadSeries(List<JsonNode> runs) {
        this.runs = runs;
        tuner = runs.stream().mapToDouble(run -> run.get("tuner_us").asDouble()).toArray();
        jupiter = runs.stream().mapToDouble(run -> run.get("jupiter_us").asDouble()).toArray();
        ratio = runs.stream().mapToDouble(run -> run.get("tuner_to_jupiter").asDouble()).toArray();
    }

    /** The series of these runs' results, as {@link OverheadBenchmark#run} returns them. */
    static OverheadSeries of(List<JsonNode> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a series needs at least one run; give --runs 1 or more");
        }
        return new OverheadSeries(runs);
    }

    /** The middle value, or the mean of the two middle ones. */
    static double median(double[] values) {
        return StatUtils.percentile(values, 50);
    }

    double tunerMedian() {
        return median(tuner);
    }

    double jupiterMedian() {
        return median(jupiter);
    }

    /** How many runs took at most {@link #TARGET_MICROS} a trial. */
    long metTarget() {
        return Arrays.stream(tuner).filter(micros -> micros <= TARGET_MICROS).count();
    }

    /** The lines printed after the series: each figure's range and median, and the runs on target. */
    List<String> summary() {
        return List.of(
                String.format(Locale.ROOT, "%d runs: Tuner %s µs a trial, %d of %d at or under %.0f", tuner.length,
                        spread(tuner, "%.1f"), metTarget(), tuner.length, TARGET_MICROS),
                String.format(Locale.ROOT, "         Jupiter %s µs a repetition", spread(jupiter, "%.1f")),
                String.format(Locale.ROOT, "         Tuner / Jupiter %s", spread(ratio, "%.2f")));
    }

    /** The series as JSON: each figure's runs, range and median, the runs on target, and every run's results. */
    JsonNode toJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode series = json.createObjectNode();
        series.put("runs", tuner.length);
        figure(series, "tuner_us", tuner);
        figure(series, "jupiter_us", jupiter);
        figure(series, "tuner_to_jupiter", ratio);
        series.put("target_us", TARGET_MICROS);
        series.put("runs_at_or_under_target", metTarget());
        ArrayNode all = series.putArray("results");
        runs.forEach(all::add);
        return series;
    }

    private static void figure(ObjectNode series, String name, double[] values) {
        ArrayNode each = series.putArray(name);
        Arrays.stream(values).forEach(each::add);
        series.put(name + "_median", median(values));
        series.put(name + "_min", StatUtils.min(values));
        series.put(name + "_max", StatUtils.max(values));
    }

    private static String spread(double[] values, String format) {
        return String.format(Locale.ROOT, format + "–" + format + " (median " + format + ")",
                StatUtils.min(values), StatUtils.max(values), median(values));
    }
}
