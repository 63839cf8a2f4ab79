package dev.tuner.benchmarks.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The best-peer score of {@code shared/bench/README.md} §1b: at a checkpoint, per function, r = an
 * optimizer's median gap over the smallest median gap of any non-random optimizer of the reference
 * files that ran at least {@value #MIN_SEEDS} seeds, both gaps floored at {@value #GAP_FLOOR}
 * ("solved for any practical purpose"); the score is the geometric mean of r over the functions.
 *
 * <p>An optimizer is random search when its name contains {@code random} or ends in {@code _rand}
 * ({@code optuna_random}, {@code hyperopt_rand}); its seeds are counted from {@code per_seed} at
 * the checkpoint.
 */
final class PeerScoreboard {

    static final double GAP_FLOOR = 1e-3;
    static final int MIN_SEEDS = 8;

    private final List<JsonNode> references;

    /** @param references the {@code results} objects of the reference files */
    PeerScoreboard(List<JsonNode> references) {
        this.references = List.copyOf(references);
    }

    /** The reference files' {@code results} objects. */
    List<JsonNode> references() {
        return references;
    }

    /** Whether an optimizer's name says it is random search, which is no peer. */
    static boolean isRandom(String optimizer) {
        String name = optimizer.toLowerCase(Locale.ROOT);
        return name.contains("random") || name.endsWith("_rand");
    }

    /** The best peer on a function at a checkpoint, with its median gap; empty when no reference has one. */
    Optional<Peer> best(String function, String checkpoint) {
        Peer best = null;
        for (JsonNode reference : references) {
            JsonNode optimizers = reference.path(function).path("optimizers");
            for (Iterator<String> names = optimizers.fieldNames(); names.hasNext();) {
                String optimizer = names.next();
                JsonNode stats = optimizers.path(optimizer).path("checkpoints").path(checkpoint);
                JsonNode gap = stats.path("median_gap_to_optimum");
                if (isRandom(optimizer) || !gap.isNumber() || stats.path("per_seed").size() < MIN_SEEDS) {
                    continue;
                }
                if (best == null || gap.asDouble() < best.gap()) {
                    best = new Peer(optimizer, gap.asDouble());
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether r can be computed for a function at a checkpoint. */
    boolean scores(String function, String checkpoint) {
        return best(function, checkpoint).isPresent();
    }

    /**
     * r of a median gap on a function at a checkpoint.
     *
     * @throws IllegalArgumentException when no reference has a peer for the function there
     */
    double ratio(String function, String checkpoint, double medianGap) {
        Peer peer = best(function, checkpoint).orElseThrow(() -> new IllegalArgumentException(
                "no reference file has a non-random optimizer with " + MIN_SEEDS + " seeds on " + function + " at "
                        + checkpoint + " trials"));
        return Math.max(medianGap, GAP_FLOOR) / Math.max(peer.gap(), GAP_FLOOR);
    }

    /** A reference optimizer's median gap on a function at a checkpoint, from whichever file has it. */
    Optional<Double> referenceGap(String function, String optimizer, String checkpoint) {
        for (JsonNode reference : references) {
            JsonNode gap = reference.path(function).path("optimizers").path(optimizer).path("checkpoints")
                    .path(checkpoint).path("median_gap_to_optimum");
            if (gap.isNumber()) {
                return Optional.of(gap.asDouble());
            }
        }
        return Optional.empty();
    }

    /** The best-peer score of a reference optimizer: a check of this class against the README. */
    double referenceScore(List<String> functions, String optimizer, String checkpoint) {
        List<Double> ratios = new ArrayList<>();
        for (String function : functions) {
            double gap = referenceGap(function, optimizer, checkpoint).orElseThrow(() -> new IllegalArgumentException(
                    "no reference file has " + optimizer + " on " + function + " at " + checkpoint + " trials"));
            ratios.add(ratio(function, checkpoint, gap));
        }
        return Scoreboard.geometricMean(ratios);
    }

    /** An optimizer of a reference file and its median gap. */
    record Peer(String optimizer, double gap) {}
}
