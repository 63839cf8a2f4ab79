package it.resume;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

class ResumeTuning {

    /** Appends each x it is called with to target/evaluations.txt, so that the check can count runs. */
    @Tune
    double quad(@Uniform(min = -10, max = 10) double x) throws IOException {
        Files.writeString(Path.of("target/evaluations.txt"), x + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return (x - 2) * (x - 2);
    }
}
