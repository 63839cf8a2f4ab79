package dev.tuner.benchmarks.mo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The score of {@code shared/bench/mo.md}: per problem and checkpoint, our median
 * {@code hv_ratio_wide} over the best of Optuna's optimizers ({@code tpe}, {@code nsga2}) in
 * {@code mo_quality.json} at that checkpoint; {@code ratio50} is the geometric mean over the problems
 * at 50 trials, {@code min100} and {@code min200} the smallest at 100 and 200.
 */
final class MoScores {

    /** Optuna's optimizers the score compares with (random is there for reference only). */
    static final List<String> PEERS = List.of("tpe", "nsga2");

    private final Map<String, Map<Integer, Double>> ratios = new LinkedHashMap<>();

    /**
     * Scores our medians against the reference's results.
     *
     * @param ours per problem, per checkpoint, our median {@code hv_ratio_wide}
     * @param reference {@code mo_quality.json}'s {@code results}
     */
    static MoScores of(Map<String, Map<Integer, Double>> ours, JsonNode reference) {
        MoScores scores = new MoScores();
        ours.forEach((problem, byCheckpoint) -> byCheckpoint.forEach((checkpoint, median) ->
                best(reference, problem, checkpoint).ifPresent(best ->
                        scores.ratios.computeIfAbsent(problem, p -> new LinkedHashMap<>()).put(checkpoint, median / best))));
        return scores;
    }

    /** The best median {@code hv_ratio_wide} of Optuna's TPE and NSGA-II on a problem at a checkpoint, if recorded. */
    static OptionalDouble best(JsonNode reference, String problem, int checkpoint) {
        return PEERS.stream()
                .map(peer -> reference.path(problem).path(peer).path("checkpoints").path(String.valueOf(checkpoint))
                        .path("hv_ratio_wide").path("median"))
                .filter(JsonNode::isNumber)
                .mapToDouble(JsonNode::doubleValue)
                .max();
    }

    /** Per problem, per checkpoint, our median over the best peer's. */
    Map<String, Map<Integer, Double>> ratios() {
        return ratios;
    }

    /** The geometric mean of the problems' ratios at a checkpoint; empty when no problem has one. */
    OptionalDouble geometricMean(int checkpoint) {
        double[] logs = ratios.values().stream().filter(byCheckpoint -> byCheckpoint.containsKey(checkpoint))
                .mapToDouble(byCheckpoint -> Math.log(byCheckpoint.get(checkpoint))).toArray();
        return logs.length == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.exp(Arrays.stream(logs).sum() / logs.length));
    }

    /** The smallest of the problems' ratios at a checkpoint; empty when no problem has one. */
    OptionalDouble min(int checkpoint) {
        return ratios.values().stream().filter(byCheckpoint -> byCheckpoint.containsKey(checkpoint))
                .mapToDouble(byCheckpoint -> byCheckpoint.get(checkpoint)).min();
    }

    /**
     * {@code RESULT mo ratio50=… min100=… min200=… optimizer=…} (mo.md's line, the optimizer last),
     * {@code n/a} for a checkpoint the run did not reach.
     */
    String resultLine(String optimizer) {
        return String.format(Locale.ROOT, "RESULT mo ratio50=%s min100=%s min200=%s optimizer=%s",
                format(geometricMean(50)), format(min(100)), format(min(200)), optimizer);
    }

    private static String format(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "n/a";
    }
}
