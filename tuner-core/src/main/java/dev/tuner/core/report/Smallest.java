package dev.tuner.core.report;

import java.util.Arrays;

/**
 * The few smallest of many keys, found without sorting them all: the best trials that a plot
 * draws for sure and the table lists, out of tens of thousands. One pass keeps the {@code k}
 * smallest so far in a heap whose root is the largest of them, so most keys cost one comparison.
 */
final class Smallest {

    private Smallest() {}

    /**
     * The indices of the {@code k} smallest {@code keys}, in ascending index order: smallest as
     * {@link Double#compare} orders them (NaN above everything), and of equal keys the lower indices,
     * as a stable sort would put them first. All indices when {@code k} is at least the length.
     */
    static int[] indices(double[] keys, int k) {
        int n = keys.length;
        k = Math.max(0, Math.min(k, n));
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (size < k) {
                heap[size] = i;
                up(heap, size++, keys);
            } else if (k > 0 && Double.compare(keys[i], keys[heap[0]]) < 0) {
                // smaller than the largest kept; an equal key has a higher index than every kept one, so it stays out
                heap[0] = i;
                down(heap, k, keys);
            }
        }
        Arrays.sort(heap);
        return heap;
    }

    /** Whether the key at index {@code a} comes after the one at {@code b}: larger, or equal with a higher index. */
    private static boolean after(double[] keys, int a, int b) {
        int order = Double.compare(keys[a], keys[b]);
        return order > 0 || order == 0 && a > b;
    }

    private static void up(int[] heap, int at, double[] keys) {
        int moving = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!after(keys, moving, heap[parent])) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = moving;
    }

    private static void down(int[] heap, int size, double[] keys) {
        int moving = heap[0];
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && after(keys, heap[child + 1], heap[child])) {
                child++;
            }
            if (!after(keys, heap[child], moving)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = moving;
    }
}
