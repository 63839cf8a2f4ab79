package dev.tuner.examples.mlp;

/** A hidden layer's nonlinearity, with its derivative written in terms of its output. */
public enum Activation {
    RELU {
        @Override
        double apply(double x) {
            return x > 0 ? x : 0;
        }

        @Override
        double derivativeAtOutput(double y) {
            return y > 0 ? 1 : 0;
        }
    },
    TANH {
        @Override
        double apply(double x) {
            return Math.tanh(x);
        }

        @Override
        double derivativeAtOutput(double y) {
            return 1 - y * y;
        }
    },
    SIGMOID {
        @Override
        double apply(double x) {
            return 1 / (1 + Math.exp(-x));
        }

        @Override
        double derivativeAtOutput(double y) {
            return y * (1 - y);
        }
    };

    abstract double apply(double x);

    /** The derivative at the input that produced output {@code y}: cheaper than keeping the inputs. */
    abstract double derivativeAtOutput(double y);
}
