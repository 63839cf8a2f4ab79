package it.production;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.trial.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

class ProductionTuning {

    /** Appends the trial's number and x to target/evaluations.txt, so that the check can see what ran. */
    @Tune
    double quad(@Uniform(min = -10, max = 10) double x, Trial trial) throws IOException {
        Files.writeString(Path.of("target/evaluations.txt"), "#" + trial.number() + " " + x + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (Math.abs(x - 2) > 0.1) {
            throw new AssertionError("the tuned x " + x + " is no longer near 2");
        }
        return (x - 2) * (x - 2);
    }

    /** Never tuned: the production file has no values of it. */
    @Tune
    double untuned(@Uniform(min = -10, max = 10) double y) {
        throw new AssertionError("a best run without values must not run");
    }
}
