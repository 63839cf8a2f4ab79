package dev.tuner.engine.testcases;

/** No {@code @Tune} method: discovery ignores it. */
public class PlainHelper {

    double square(double x) {
        return x * x;
    }
}
