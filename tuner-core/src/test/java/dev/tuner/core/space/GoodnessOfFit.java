package dev.tuner.core.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/** Goodness-of-fit checks of draws against commons-math3 references. */
final class GoodnessOfFit {

    /** Below this p-value a fit is rejected; with fixed seeds the checks are deterministic. */
    static final double ALPHA = 0.001;

    private GoodnessOfFit() {}

    /** Kolmogorov–Smirnov p-value of continuous draws against a reference distribution. */
    static double ks(RealDistribution reference, double[] draws) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(reference, draws);
    }

    /**
     * Chi-square p-value of discrete draws against expected probabilities per value; values whose
     * expected count is under 5 are pooled with their neighbours, as the test needs.
     */
    static double chiSquare(double[] draws, Map<Double, Double> probabilities) {
        TreeMap<Double, Long> observed = new TreeMap<>();
        probabilities.keySet().forEach(value -> observed.put(value, 0L));
        for (double draw : draws) {
            if (!observed.containsKey(draw)) {
                throw new AssertionError("drew " + draw + ", which has no expected probability");
            }
            observed.merge(draw, 1L, Long::sum);
        }
        List<Double> expectedBins = new ArrayList<>();
        List<Long> observedBins = new ArrayList<>();
        double expected = 0;
        long seen = 0;
        for (Map.Entry<Double, Long> entry : observed.entrySet()) {
            expected += probabilities.get(entry.getKey()) * draws.length;
            seen += entry.getValue();
            if (expected >= 5) {
                expectedBins.add(expected);
                observedBins.add(seen);
                expected = 0;
                seen = 0;
            }
        }
        if (expected > 0 || seen > 0) {
            int last = expectedBins.size() - 1;
            expectedBins.set(last, expectedBins.get(last) + expected);
            observedBins.set(last, observedBins.get(last) + seen);
        }
        return new ChiSquareTest().chiSquareTest(
                expectedBins.stream().mapToDouble(Double::doubleValue).toArray(),
                observedBins.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * The probability of each multiple of {@code q} from {@code firstValue} to {@code lastValue},
     * given the CDF of the unquantized distribution: the mass that rounds to it, the first and last
     * taking everything beyond them.
     */
    static Map<Double, Double> quantizedProbabilities(double q, double firstValue, double lastValue,
            DoubleUnaryOperator cdf) {
        Map<Double, Double> probabilities = new TreeMap<>();
        long first = Math.round(firstValue / q);
        long last = Math.round(lastValue / q);
        for (long k = first; k <= last; k++) {
            double below = k == first ? 0 : cdf.applyAsDouble((k - 0.5) * q);
            double upTo = k == last ? 1 : cdf.applyAsDouble((k + 0.5) * q);
            probabilities.put(k * q, upTo - below);
        }
        return probabilities;
    }

    /** Equal probabilities for the values {@code 0..n-1}. */
    static Map<Double, Double> uniformIndices(int n) {
        Map<Double, Double> probabilities = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            probabilities.put((double) i, 1.0 / n);
        }
        return probabilities;
    }
}
