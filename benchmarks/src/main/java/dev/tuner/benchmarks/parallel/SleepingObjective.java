package dev.tuner.benchmarks.parallel;

import dev.tuner.core.study.Objective;
import dev.tuner.core.trial.Trial;

/**
 * The objective of the parallelism benchmark: quad1's one knob, then a sleep that stands for a
 * model's training, so that trials spend their time waiting, as real trials do on I/O or on other
 * cores, and more runners can overlap them.
 */
record SleepingObjective(long sleepMillis) implements Objective {

    @Override
    public double evaluate(Trial trial) throws InterruptedException {
        double x = trial.suggestFloat("x", -10, 10);
        Thread.sleep(sleepMillis);
        return x * x - x + 1;
    }
}
