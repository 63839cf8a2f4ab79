package it.suggested;

import dev.tuner.Tune;
import dev.tuner.core.trial.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Two studies that each suggest a knob named "rounds", with optima apart: 2 rounds for accuracy, 5 for latency. */
class BoostTuning {

    @Tune(trials = 12)
    double accuracy(Trial trial) throws IOException {
        int rounds = trial.suggestInt("rounds", 1, 6);
        record("accuracy #" + trial.number() + " rounds=" + rounds);
        return (rounds - 2) * (rounds - 2);
    }

    @Tune(trials = 12)
    double latency(Trial trial) throws IOException {
        int rounds = trial.suggestInt("rounds", 1, 6);
        record("latency #" + trial.number() + " rounds=" + rounds);
        return (rounds - 5) * (rounds - 5);
    }

    /** Appends a line to target/evaluations.txt, so that the check can see what ran. */
    private static void record(String line) throws IOException {
        Files.writeString(Path.of("target/evaluations.txt"), line + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
