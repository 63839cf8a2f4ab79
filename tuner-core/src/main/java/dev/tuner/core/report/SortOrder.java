package dev.tuner.core.report;

import java.util.Arrays;

/**
 * The order that sorts an array of keys, without boxing each index: what {@code Integer[]} sorted by
 * {@code Comparator.comparingDouble(i -> keys[i])} gives, for a fraction of the cost on the tens of
 * thousands of trials of a large study.
 */
final class SortOrder {

    private SortOrder() {}

    /**
     * The indices of {@code keys} from the smallest key to the largest, as {@link Double#compare}
     * orders them (NaN last); equal keys keep their index order.
     */
    static int[] ascending(double[] keys) {
        int n = keys.length;
        double[] sorted = keys.clone();
        Arrays.sort(sorted);
        int[] order = new int[n];
        // placed[first] counts the keys already placed in the run of equal keys starting at first
        int[] placed = new int[n];
        for (int i = 0; i < n; i++) {
            int first = firstAtLeast(sorted, keys[i]);
            order[first + placed[first]++] = i;
        }
        return order;
    }

    /** The first index of {@code sorted} whose key is not below {@code key}. */
    private static int firstAtLeast(double[] sorted, double key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (Double.compare(sorted[middle], key) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
