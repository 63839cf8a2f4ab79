package it.several;

import dev.tuner.AtMost;
import dev.tuner.Maximize;
import dev.tuner.Minimize;
import dev.tuner.Tune;
import dev.tuner.Uniform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

class TradeOffTuning {

    /** Accuracy rises with x, and so does latency: the trade-off is the whole front. */
    record Outcome(@Maximize double accuracy, @Minimize @AtMost(0.5) double latency) {}

    /** Appends each x it is called with to target/evaluations.txt, so that the check can see the best run's. */
    @Tune(trials = 30, sampler = "random")
    Outcome tradeOff(@Uniform(min = 0, max = 1) double x) throws IOException {
        Files.writeString(Path.of("target/evaluations.txt"), x + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new Outcome(x, x * x);
    }
}
