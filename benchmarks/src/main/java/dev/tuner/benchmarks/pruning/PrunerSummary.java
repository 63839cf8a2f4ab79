package dev.tuner.benchmarks.pruning;

import dev.tuner.Direction;
import java.util.List;

/**
 * One pruner's runs on one problem over all seeds, beside no pruning's.
 *
 * @param problem the problem's name
 * @param pruner the pruner's name
 * @param steps the steps all its studies ran, together
 * @param stepsFraction {@code steps} over no pruning's
 * @param medianBest the median over seeds of the best final value (a study where nothing completed
 *     counts as the worst)
 * @param q25 its first quartile
 * @param q75 its third quartile
 * @param bestRatio {@code medianBest} over no pruning's
 * @param meanComplete trials that ran to their end, per study
 * @param meanPruned trials pruned, per study
 * @param seconds the wall time of its studies, together
 */
record PrunerSummary(String problem, String pruner, long steps, double stepsFraction, double medianBest, double q25,
        double q75, double bestRatio, double meanComplete, double meanPruned, double seconds) {

    /** The summary of {@code runs} (one pruner, one problem), beside {@code nop}'s runs. */
    static PrunerSummary of(List<PruningRun> runs, List<PruningRun> nop, Direction direction) {
        long steps = runs.stream().mapToLong(PruningRun::steps).sum();
        long nopSteps = nop.stream().mapToLong(PruningRun::steps).sum();
        double[] best = sortedBest(runs, direction);
        double median = quantile(best, 0.5);
        double nopMedian = quantile(sortedBest(nop, direction), 0.5);
        return new PrunerSummary(runs.get(0).problem(), runs.get(0).pruner(), steps, (double) steps / nopSteps, median,
                quantile(best, 0.25), quantile(best, 0.75), median / nopMedian,
                runs.stream().mapToInt(PruningRun::complete).average().orElse(0),
                runs.stream().mapToInt(PruningRun::pruned).average().orElse(0),
                runs.stream().mapToDouble(PruningRun::seconds).sum());
    }

    /** Whether its median best final value is within 1% of no pruning's, or better. */
    boolean withinOnePercent(Direction direction) {
        return direction == Direction.MAXIMIZE ? bestRatio >= 0.99 : bestRatio <= 1.01;
    }

    /** The runs' best values sorted ascending, a study without a complete trial as the worst value. */
    private static double[] sortedBest(List<PruningRun> runs, Direction direction) {
        double worst = direction == Direction.MAXIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        return runs.stream().mapToDouble(run -> Double.isNaN(run.best()) ? worst : run.best()).sorted().toArray();
    }

    /** The {@code q}-quantile of sorted values, linear between ranks (NumPy's default). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return fraction == 0 ? sorted[below] : sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%-11s %10d %7.3f %9.4f %9.4f %9.4f %7.4f %6.1f %6.1f %8.1f",
                pruner, steps, stepsFraction, medianBest, q25, q75, bestRatio, meanComplete, meanPruned, seconds);
    }

    static String header() {
        return String.format(java.util.Locale.ROOT, "%-11s %10s %7s %9s %9s %9s %7s %6s %6s %8s",
                "pruner", "steps", "frac", "median", "q25", "q75", "ratio", "compl", "pruned", "wall_s");
    }
}
