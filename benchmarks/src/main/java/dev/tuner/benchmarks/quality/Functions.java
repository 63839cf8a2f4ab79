package dev.tuner.benchmarks.quality;

import dev.tuner.core.space.Scale;
import dev.tuner.core.trial.Trial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The nine functions of {@code shared/bench/functions.md}, re-implemented exactly: same formulas,
 * constants and spaces (the same knob names, bounds, log scales and conditions).
 */
final class Functions {

    private Functions() {}

    static List<BenchmarkFunction> all() {
        return List.of(quad1(), sphere2(), saddle(), branin(), hartmann6(), rosenbrock4(), ackley5(), mixed1(),
                conditional1());
    }

    static BenchmarkFunction byName(String name) {
        return all().stream()
                .filter(function -> function.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no benchmark function '" + name + "'"));
    }

    static BenchmarkFunction quad1() {
        return floats("quad1", 0.75, new String[] {"x"}, new double[] {-10}, new double[] {10}, p -> {
            double x = p.get("x");
            return x * x - x + 1;
        });
    }

    static BenchmarkFunction sphere2() {
        return floats("sphere2", 0.0, new String[] {"x", "y"}, new double[] {-10, -10}, new double[] {10, 10}, p -> {
            double x = p.get("x");
            double y = p.get("y");
            return x * x + y * y;
        });
    }

    static BenchmarkFunction saddle() {
        return floats("saddle", -4.0, new String[] {"a", "b"}, new double[] {-2, -1}, new double[] {3, 2}, p -> {
            double a = p.get("a");
            double b = p.get("b");
            return a * a - b * b;
        });
    }

    static BenchmarkFunction branin() {
        return floats("branin", 0.3978873577297384, new String[] {"x1", "x2"}, new double[] {-5, 0},
                new double[] {10, 15}, p -> {
                    double x1 = p.get("x1");
                    double x2 = p.get("x2");
                    double b = 5.1 / (4 * Math.PI * Math.PI);
                    double c = 5 / Math.PI;
                    double t = 1 / (8 * Math.PI);
                    double term = x2 - b * x1 * x1 + c * x1 - 6;
                    return term * term + 10 * (1 - t) * Math.cos(x1) + 10;
                });
    }

    private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] HARTMANN_A = {
        {10, 3, 17, 3.5, 1.7, 8},
        {0.05, 10, 17, 0.1, 8, 14},
        {3, 3.5, 1.7, 10, 17, 8},
        {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] HARTMANN_P = {
        {1312, 1696, 5569, 124, 8283, 5886},
        {2329, 4135, 8307, 3736, 1004, 9991},
        {2348, 1451, 3522, 2883, 3047, 6650},
        {4047, 8828, 8732, 5743, 1091, 381}};

    static BenchmarkFunction hartmann6() {
        return floats("hartmann6", -3.32236801141551, names("x", 6), filled(6, 0), filled(6, 1), p -> {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double d = p.get("x" + (j + 1)) - 1e-4 * HARTMANN_P[i][j];
                    inner += HARTMANN_A[i][j] * d * d;
                }
                sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        });
    }

    static BenchmarkFunction rosenbrock4() {
        return floats("rosenbrock4", 0.0, names("x", 4), filled(4, -5), filled(4, 10), p -> {
            double sum = 0;
            for (int i = 1; i <= 3; i++) {
                double xi = p.get("x" + i);
                double next = p.get("x" + (i + 1));
                sum += 100 * (next - xi * xi) * (next - xi * xi) + (xi - 1) * (xi - 1);
            }
            return sum;
        });
    }

    static BenchmarkFunction ackley5() {
        return floats("ackley5", 0.0, names("x", 5), filled(5, -32.768), filled(5, 32.768), p -> {
            int d = 5;
            double squares = 0;
            double cosines = 0;
            for (int i = 1; i <= d; i++) {
                double x = p.get("x" + i);
                squares += x * x;
                cosines += Math.cos(2 * Math.PI * x);
            }
            return -20 * Math.exp(-0.2 * Math.sqrt(squares / d)) - Math.exp(cosines / d) + 20 + Math.E;
        });
    }

    static BenchmarkFunction mixed1() {
        return new Named("mixed1", 0.0) {
            @Override
            public double evaluate(Trial trial) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("lr", trial.suggestFloat("lr", 1e-5, 1.0, Scale.LOG));
                point.put("layers", trial.suggestInt("layers", 1, 8));
                point.put("act", trial.suggestCategorical("act", List.of("relu", "tanh", "sigmoid")));
                return value(point);
            }

            @Override
            public double value(Map<String, Object> point) {
                String act = (String) point.get("act");
                double c;
                double u0;
                double l0;
                switch (act) {
                    case "relu" -> { c = 0.4; u0 = -2; l0 = 3; }
                    case "tanh" -> { c = 0.0; u0 = -3; l0 = 5; }
                    case "sigmoid" -> { c = 0.8; u0 = -1; l0 = 2; }
                    default -> throw new IllegalArgumentException("act " + act);
                }
                double d = Math.log10(((Number) point.get("lr")).doubleValue()) - u0;
                double layers = ((Number) point.get("layers")).doubleValue();
                double coupling = layers - l0 - d;
                return c + 0.5 * d * d + 0.3 * (1 - Math.cos(2 * Math.PI * d)) + 0.1 * coupling * coupling;
            }
        };
    }

    static BenchmarkFunction conditional1() {
        return new Named("conditional1", 0.0) {
            @Override
            public double evaluate(Trial trial) {
                Map<String, Object> point = new LinkedHashMap<>();
                String model = trial.suggestCategorical("model", List.of("A", "B"));
                point.put("model", model);
                if (model.equals("A")) {
                    point.put("x_a", trial.suggestFloat("x_a", -5, 5));
                    point.put("k_a", trial.suggestInt("k_a", 1, 10));
                } else {
                    point.put("y_b", trial.suggestFloat("y_b", 1e-3, 1e3, Scale.LOG));
                }
                return value(point);
            }

            @Override
            public double value(Map<String, Object> point) {
                if (point.get("model").equals("A")) {
                    double x = ((Number) point.get("x_a")).doubleValue();
                    double k = ((Number) point.get("k_a")).doubleValue();
                    return 1 + 0.25 * (x - 1.5) * (x - 1.5) + 0.1 * (k - 7) * (k - 7);
                }
                double z = (Math.log10(((Number) point.get("y_b")).doubleValue()) - 1.2) / 0.5;
                return 3 - 3 * Math.exp(-0.5 * z * z);
            }
        };
    }

    /** A function of uniform float knobs only. */
    private static BenchmarkFunction floats(String name, double optimum, String[] knobs, double[] low, double[] high,
            ToDoubleFunction<Map<String, Double>> formula) {
        return new Named(name, optimum) {
            @Override
            public double evaluate(Trial trial) {
                Map<String, Double> point = new LinkedHashMap<>();
                for (int i = 0; i < knobs.length; i++) {
                    point.put(knobs[i], trial.suggestFloat(knobs[i], low[i], high[i]));
                }
                return formula.applyAsDouble(point);
            }

            @Override
            public double value(Map<String, Object> point) {
                Map<String, Double> doubles = new LinkedHashMap<>();
                point.forEach((knob, value) -> doubles.put(knob, ((Number) value).doubleValue()));
                return formula.applyAsDouble(doubles);
            }
        };
    }

    /** A function's name and optimum; the subclass gives its space and formula. */
    private abstract static class Named implements BenchmarkFunction {
        private final String name;
        private final double optimum;

        Named(String name, double optimum) {
            this.name = name;
            this.optimum = optimum;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double optimum() {
            return optimum;
        }
    }

    private static String[] names(String prefix, int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = prefix + (i + 1);
        }
        return names;
    }

    private static double[] filled(int count, double value) {
        double[] values = new double[count];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
