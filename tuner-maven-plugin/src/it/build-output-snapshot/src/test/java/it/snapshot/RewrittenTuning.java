package it.snapshot;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.trial.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Trial #0 deletes target/test-classes, as another worker's Maven does when it recompiles; trial
 * #1 then reads a file of the test classpath. The forked JVM must read its own copy of the
 * classes, so that trial #1 still finds it.
 */
class RewrittenTuning {

    @Tune(trials = 2)
    double quad(Trial trial, @Uniform(min = -1, max = 1) double x) throws IOException {
        if (trial.number() == 0) {
            delete(Path.of("target/test-classes"));
            return x * x;
        }
        // a file of the test classpath that nothing read before this trial (every class is loaded
        // when the engine scans the classpath, so a class would not show it)
        if (RewrittenTuning.class.getResource("/late.txt") == null) {
            throw new IllegalStateException("late.txt is gone from the test classpath");
        }
        return x * x;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
