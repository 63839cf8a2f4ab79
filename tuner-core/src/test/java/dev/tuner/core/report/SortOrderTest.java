package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SortOrderTest {

    @Test
    void ordersBySmallestKeyFirst() {
        assertThat(SortOrder.ascending(new double[] {3, 1, 2})).containsExactly(1, 2, 0);
    }

    @Test
    void equalKeysKeepTheirIndexOrder() {
        assertThat(SortOrder.ascending(new double[] {2, 1, 2, 1, 0, 2})).containsExactly(4, 1, 3, 0, 2, 5);
    }

    @Test
    void ordersAsDoubleCompareDoes() {
        double[] keys = {Double.NaN, 0.0, Double.POSITIVE_INFINITY, -0.0, Double.NEGATIVE_INFINITY, Double.NaN, -1};

        // NaN after everything, -0.0 before 0.0
        assertThat(SortOrder.ascending(keys)).containsExactly(4, 6, 3, 1, 2, 0, 5);
    }

    @Test
    void givesWhatAStableSortOfBoxedIndicesGives() {
        Random random = new Random(3);
        // few distinct values, so that most keys tie
        double[] keys = IntStream.range(0, 20_000).mapToDouble(i -> random.nextInt(50) / 4.0 - 5).toArray();
        keys[17] = Double.NaN;
        keys[4000] = Double.NEGATIVE_INFINITY;

        Integer[] boxed = IntStream.range(0, keys.length).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingDouble(index -> keys[index]));

        assertThat(SortOrder.ascending(keys)).containsExactly(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
    }

    @Test
    void anEmptyArrayHasAnEmptyOrder() {
        assertThat(SortOrder.ascending(new double[0])).isEmpty();
    }
}
