package dev.tuner.benchmarks.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The score of {@code shared/bench/README.md} §1: at a checkpoint, per function, r = an optimizer's
 * median gap to the optimum over the smaller of Optuna's two TPE variants' median gaps (gaps floored
 * at 1e-12); the score is the geometric mean of r over the functions. Lower is better; below 1
 * beats the better Optuna variant on the typical function.
 */
final class Scoreboard {

    static final double GAP_FLOOR = 1e-12;
    static final String OPTUNA_TPE = "optuna_tpe";
    static final String OPTUNA_TPE_MULTIVARIATE = "optuna_tpe_mv";

    private final JsonNode reference;

    /** @param reference the {@code results} object of the reference file */
    Scoreboard(JsonNode reference) {
        this.reference = reference;
    }

    /** r of one optimizer's median gap on one function at one checkpoint. */
    double ratio(String function, String checkpoint, double medianGap) {
        double optuna = Math.min(referenceGap(function, OPTUNA_TPE, checkpoint),
                referenceGap(function, OPTUNA_TPE_MULTIVARIATE, checkpoint));
        return Math.max(medianGap, GAP_FLOOR) / Math.max(optuna, GAP_FLOOR);
    }

    /** Whether the reference has a median gap of an optimizer on a function at a checkpoint. */
    boolean hasGap(String function, String optimizer, String checkpoint) {
        return reference.path(function).path("optimizers").path(optimizer).path("checkpoints").path(checkpoint)
                .path("median_gap_to_optimum").isNumber();
    }

    /** Whether r can be computed for a function at a checkpoint: the reference has both Optuna TPE gaps. */
    boolean scores(String function, String checkpoint) {
        return hasGap(function, OPTUNA_TPE, checkpoint) && hasGap(function, OPTUNA_TPE_MULTIVARIATE, checkpoint);
    }

    /** The reference's median gap of an optimizer on a function at a checkpoint. */
    double referenceGap(String function, String optimizer, String checkpoint) {
        JsonNode gap = reference.path(function).path("optimizers").path(optimizer).path("checkpoints")
                .path(checkpoint).path("median_gap_to_optimum");
        if (gap.isMissingNode()) {
            throw new IllegalArgumentException("the reference has no " + optimizer + " result for " + function
                    + " at " + checkpoint + " trials");
        }
        return gap.asDouble();
    }

    /** The geometric mean of ratios. */
    static double geometricMean(List<Double> ratios) {
        return Math.exp(ratios.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
    }

    /** The score of a reference optimizer, computed the same way: a check of this class against the README. */
    double referenceScore(List<String> functions, String optimizer, String checkpoint) {
        List<Double> ratios = new ArrayList<>();
        for (String function : functions) {
            ratios.add(ratio(function, checkpoint, referenceGap(function, optimizer, checkpoint)));
        }
        return geometricMean(ratios);
    }
}
