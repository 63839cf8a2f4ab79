package it.killed;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

class KilledTuning {

    /**
     * In the nested build of prebuild.groovy, which sets KILLED_MAVEN_STARTED, a trial creates that file,
     * then blocks until its JVM goes down; in the invoker's build it returns at once.
     */
    @Tune(trials = 1000)
    double blocks(@Uniform(min = -10, max = 10) double x) throws Exception {
        String started = System.getenv("KILLED_MAVEN_STARTED");
        if (started != null) {
            Files.writeString(Path.of(started), "running");
            new CountDownLatch(1).await();
        }
        return (x - 2) * (x - 2);
    }
}
