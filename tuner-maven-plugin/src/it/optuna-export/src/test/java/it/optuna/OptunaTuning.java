package it.optuna;

import dev.tuner.Choice;
import dev.tuner.IntUniform;
import dev.tuner.Tune;
import dev.tuner.Uniform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

class OptunaTuning {

    /** Stored by its class's name: the export reads it on the project's class path. */
    enum Form { PLAIN, SHIFTED }

    /** Appends each x it is called with to target/evaluations.txt, so that the check can count runs. */
    @Tune
    double quad(@Uniform(min = -10, max = 10) double x, @IntUniform(min = 1, max = 4) int power,
            @Choice Form form) throws IOException {
        Files.writeString(Path.of("target/evaluations.txt"), x + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return Math.pow(x - 2, 2 * power) + (form == Form.SHIFTED ? 1 : 0);
    }
}
