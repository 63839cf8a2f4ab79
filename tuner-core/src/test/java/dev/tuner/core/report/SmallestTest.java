package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SmallestTest {

    @Test
    void keepsTheSmallestKeysInIndexOrder() {
        assertThat(Smallest.indices(new double[] {3, 1, 2, 0}, 2)).containsExactly(1, 3);
    }

    @Test
    void ofEqualKeysKeepsTheLowerIndices() {
        assertThat(Smallest.indices(new double[] {2, 1, 2, 1, 0, 2, 1}, 3)).containsExactly(1, 3, 4);
    }

    @Test
    void ordersKeysAsDoubleCompareDoes() {
        double[] keys = {Double.NaN, 0.0, Double.POSITIVE_INFINITY, -0.0, Double.NEGATIVE_INFINITY, Double.NaN};

        // -0.0 before 0.0, NaN after everything
        assertThat(Smallest.indices(keys, 2)).containsExactly(3, 4);
        assertThat(Smallest.indices(keys, 5)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void keepsWhatAStableSortPutsFirst() {
        Random random = new Random(3);
        // few distinct values, so that most keys tie
        double[] keys = IntStream.range(0, 20_000).mapToDouble(i -> random.nextInt(50) / 4.0 - 5).toArray();
        keys[17] = Double.NaN;
        keys[4000] = Double.NEGATIVE_INFINITY;
        Integer[] sorted = IntStream.range(0, keys.length).boxed().toArray(Integer[]::new);
        Arrays.sort(sorted, Comparator.comparingDouble(index -> keys[index]));

        for (int k : new int[] {1, 150, 2000, 19_999}) {
            int[] expected = Arrays.stream(sorted, 0, k).mapToInt(Integer::intValue).sorted().toArray();
            assertThat(Smallest.indices(keys, k)).as("the %d smallest", k).containsExactly(expected);
        }
    }

    @Test
    void keepsEveryIndexWhenTheyAreNotMoreThanAsked() {
        assertThat(Smallest.indices(new double[] {5, 4}, 3)).containsExactly(0, 1);
        assertThat(Smallest.indices(new double[] {5, 4}, 0)).isEmpty();
        assertThat(Smallest.indices(new double[0], 4)).isEmpty();
    }
}
