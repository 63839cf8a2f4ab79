package dev.tuner.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.trial.Trial;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real forked JVM whose parent is killed with SIGKILL: it must stop, saying so, and record the
 * trial it was running as failed, rather than run the study on as an orphan.
 */
class ParentWatchTest {

    @TempDir
    Path directory;

    @Test
    void aForkWhoseParentIsKilledStopsAndFailsItsRunningTrial() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        Path journal = directory.resolve("journal.jsonl");
        Path testClasses = Path.of(ParentWatchTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process fork = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + ParentWatch.PARENT_PID_PROPERTY + "=" + parent.pid(),
                "-Dtuner.test=" + ParentWatchTest.class.getName() + "$BlockingTestCase",
                "-Dtuner.storage=journal:" + journal, "-Dtuner.output.dir=" + directory, "-Dtuner.seed=1",
                "-cp", System.getProperty("java.class.path"), TunerConsole.class.getName(), testClasses.toString())
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(fork.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.equals(BlockingTestCase.WAITING)) {
                    parent.destroyForcibly();  // SIGKILL, as kill -9 of Maven, while trial #1 waits
                }
            }
        } finally {
            parent.destroyForcibly();
            if (!fork.waitFor(60, TimeUnit.SECONDS)) {
                fork.destroyForcibly();
            }
        }

        assertThat(fork.exitValue()).as("exit code; output: %s", output).isEqualTo(TunerConsole.EXIT_CUT_OFF);
        assertThat(String.join("\n", output))
                .contains("[tuner] ERROR: the Maven process (pid " + parent.pid() + ") that started this JVM is gone")
                .contains("[tuner] ERROR: the JVM running the studies is exiting before they finished: the Maven process (pid "
                        + parent.pid() + ") that started this JVM is gone.")
                .contains("Trial #1 of study " + BlockingTestCase.class.getName() + ".blocks was running; it is recorded as failed.")
                .doesNotContain("must not call System.exit");
        // the journal's reason names Maven's death, not a System.exit in the objective
        assertThat(Files.readString(journal)).contains("the JVM exited while the trial ran: the Maven process (pid "
                + parent.pid() + ") that started this JVM is gone");
    }

    static class BlockingTestCase {

        static final String WAITING = "trial #1 waits";

        /** Trial #0 returns; trial #1 says it runs, then waits until its JVM goes down. */
        @Tune(trials = 3)
        double blocks(Trial trial, @Uniform(min = 0, max = 1) double x) throws InterruptedException {
            if (trial.number() == 1) {
                System.out.println(WAITING);
                new java.util.concurrent.CountDownLatch(1).await();
            }
            return x;
        }
    }
}
