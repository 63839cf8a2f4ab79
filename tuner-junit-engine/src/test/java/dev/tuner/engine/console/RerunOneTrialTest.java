package dev.tuner.engine.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rerunning one trial as docs/ide.md shows, through the real ConsoleLauncher in its own JVM: its
 * default class-name filter keeps only *Test classes, and the trial's class is a *Tuning one.
 */
class RerunOneTrialTest {

    @TempDir
    Path directory;

    @Test
    void aTrialsUniqueIdRunsThatTrialAgainWhateverItsClassIsCalled() throws Exception {
        String journal = "tuner.storage=journal:" + directory.resolve("journal.jsonl");
        String study = "[engine:tuner]/[class:" + QuadTuning.class.getName() + "]/[tune:quad(double)]";
        String searched = console("--select-unique-id", study, "--config", journal, "--config", "tuner.mode=search");
        assertThat(searched).contains("#2 x=");

        String rerun = console("--select-unique-id", study + "/[trial:2]", "--config", journal);

        assertThat(rerun).contains("replay #2 x=").contains("1 tests successful");
    }

    @Test
    void theBestTestsUniqueIdRunsTheBestAgain() throws Exception {
        String journal = "tuner.storage=journal:" + directory.resolve("journal.jsonl");
        String study = "[engine:tuner]/[class:" + QuadTuning.class.getName() + "]/[tune:quad(double)]";
        String searched = console("--select-unique-id", study, "--config", journal, "--config", "tuner.mode=search");
        Matcher best = Pattern.compile("best #(\\d+) (x=\\S+) → ").matcher(searched);
        assertThat(best.find()).as(searched).isTrue();
        // the search's four tests: three trials and the best
        assertThat(searched).contains("best trial of study " + QuadTuning.class.getName() + ".quad: #" + best.group(1))
                .contains("4 tests successful");

        String rerun = console("--select-unique-id", study + "/[best:" + best.group(1) + "]", "--config", journal);

        assertThat(rerun).contains("best #" + best.group(1) + " " + best.group(2) + " (from journal:")
                .contains("1 tests successful");
    }

    private String console(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.junit.platform.console.ConsoleLauncher", "execute",
                "--disable-banner", "--details=tree", "--include-engine=tuner", "--config",
                "tuner.output.dir=" + directory));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assumeFalse(output.contains("Unknown options: '--select-unique-id'"),
                "this JUnit's ConsoleLauncher (Platform 1.10) has no --select-unique-id, so docs/ide.md's command does not apply");
        assertThat(process.exitValue()).as(output).isEqualTo(TunerConsole.EXIT_OK);
        return output;
    }

    static class QuadTuning {

        @Tune(trials = 3, seed = 1)
        double quad(@Uniform(min = -1, max = 1) double x) {
            return x * x;
        }
    }
}
