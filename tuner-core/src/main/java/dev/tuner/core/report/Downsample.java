package dev.tuner.core.report;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Which of many points a plot draws, so that a page of a 10,000-trial study stays small: every
 * point when they fit, otherwise the quarter of the budget with the lowest priority value (the best
 * trials; a priority of {@code -∞} forces a point in) and an even spread over the rest, so that the
 * shape of the cloud stays. Deterministic: the same input draws the same points.
 */
final class Downsample {

    private Downsample() {}

    /**
     * The indices, ascending, of at most {@code max} of the {@code priority.length} points.
     *
     * @param priority one value per point, lower is kept first; NaN counts as the highest
     * @param max how many points may be drawn, at least 1
     */
    static int[] indices(double[] priority, int max) {
        int n = priority.length;
        if (n <= max) {
            return IntStream.range(0, n).toArray();
        }
        boolean[] kept = new boolean[n];
        int forced = 0;
        for (double value : priority) {
            if (value == Double.NEGATIVE_INFINITY) {
                forced++;
            }
        }
        int best = Math.min(max, Math.max(forced, max / 4));
        for (int index : Smallest.indices(priority, best)) {
            kept[index] = true;
        }
        int[] rest = new int[n - best];
        int others = 0;
        for (int index = 0; index < n; index++) {
            if (!kept[index]) {
                rest[others++] = index;
            }
        }
        int spread = max - best;
        for (int j = 0; j < spread; j++) {
            kept[rest[(int) ((long) j * rest.length / spread)]] = true;
        }
        int[] shown = new int[max];
        int count = 0;
        for (int index = 0; index < n; index++) {
            if (kept[index]) {
                shown[count++] = index;
            }
        }
        return Arrays.copyOf(shown, count);
    }
}
