package dev.tuner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.trial.Trial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study run in a child JVM (the console launcher, as {@code mvn tuner:tune} forks it) and killed in
 * its sixth trial leaves a report page listing the five trials that finished: rewritten as they
 * finished, saying the study runs, after a {@code kill -9}; saying it stopped, after a {@code kill}
 * (the JVM's shutdown writes a last page).
 */
class LiveReportKillTest {

    private static final String STUDY = SlowSixthTuning.class.getName() + ".quad";
    private static final Pattern COMPLETE = Pattern.compile("\"complete\":(\\d+)");
    private static final long CAP_NANOS = TimeUnit.MINUTES.toNanos(2);

    @TempDir
    Path directory;

    @Test
    void aStudyKilledOutrightLeavesItsLastLivePageListingTheFinishedTrials() throws Exception {
        Path page = killedInItsSixthTrial(false);

        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).contains("data-state=\"running\"", "<p class=\"status\">running — updated ");
        assertFinishedTrials(html);
        assertThat(Files.readString(directory.resolve("report/index.html"), StandardCharsets.UTF_8))
                .contains(STUDY, "running — updated ");
    }

    @Test
    void aStudyWhoseJvmShutsDownLeavesAPageSayingItStopped() throws Exception {
        Path page = killedInItsSixthTrial(true);

        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).contains("data-state=\"stopped\"", "<p class=\"status\">stopped ");
        assertFinishedTrials(html);
    }

    private static void assertFinishedTrials(String html) {
        assertThat(complete(html)).isEqualTo(5);
        assertThat(html).as("the row of trial #5").contains("<td data-v=\"5\">5</td><td data-v=\"running\">");
        for (int number = 0; number < 5; number++) {
            assertThat(html).as("the row of trial #" + number).contains("<td data-v=\"" + number + "\">" + number
                    + "</td><td data-v=\"complete\">");
        }
    }

    /** The study's page once its child JVM, in trial #5, was killed with SIGKILL or, {@code gently}, SIGTERM. */
    private Path killedInItsSixthTrial(boolean gently) throws Exception {
        Path marker = directory.resolve("in-trial-5");
        Path reportDirectory = directory.resolve("report");
        Path page = reportDirectory.resolve(STUDY + ".html");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + SlowSixthTuning.MARKER + "=" + marker, "-cp", System.getProperty("java.class.path"),
                "org.junit.platform.console.ConsoleLauncher", "execute", "--disable-banner", "--details=none",
                "--include-engine=tuner", "--select-class=" + SlowSixthTuning.class.getName(),
                "--config=tuner.mode=search", "--config=tuner.output.dir=" + reportDirectory,
                "--config=tuner.storage=journal:" + directory.resolve("journal.jsonl"),
                // every finished trial is due; the interval never is
                "--config=tuner.report.live.trials=1", "--config=tuner.report.live.interval=1h"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("child.log").toFile()).start();
        try {
            awaitCondition(child, "trial #5 started", () -> Files.exists(marker));
            // the study never ends: the five finished trials can only reach the page through live writes
            awaitCondition(child, "the page lists 5 complete trials", () -> Files.exists(page) && complete(read(page)) == 5);
            if (gently) {
                child.destroy();      // SIGTERM: shutdown hooks run
            } else {
                child.destroyForcibly(); // SIGKILL: nothing more runs
            }
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).as("the child ended").isTrue();
        } finally {
            child.destroyForcibly();
        }
        return page;
    }

    private void awaitCondition(Process child, String what, Check check) throws Exception {
        long start = System.nanoTime();
        while (!check.holds()) {
            assertThat(child.isAlive()).as("the child is alive while we wait for: " + what + "; its output:\n"
                    + read(directory.resolve("child.log"))).isTrue();
            assertThat(System.nanoTime() - start).as("nanoseconds waited for: " + what).isLessThan(CAP_NANOS);
            Thread.sleep(20); // polls a condition; the cap above is what bounds the wait
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws IOException;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static int complete(String html) {
        Matcher complete = COMPLETE.matcher(html);
        return complete.find() ? Integer.parseInt(complete.group(1)) : -1;
    }

    /** Run only by the child JVM: its trial #5 says so with a file and then waits to be killed. */
    static class SlowSixthTuning {

        static final String MARKER = "live.test.marker";

        @Tune(trials = 20, seed = 1)
        double quad(Trial trial, @Uniform(min = -1, max = 1) double x) throws Exception {
            if (trial.number() == 5) {
                Files.createFile(Path.of(System.getProperty(MARKER)));
                Thread.sleep(TimeUnit.MINUTES.toMillis(10));
            }
            return x * x;
        }
    }
}
