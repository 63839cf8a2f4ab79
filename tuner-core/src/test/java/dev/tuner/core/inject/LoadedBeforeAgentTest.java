package dev.tuner.core.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A class loaded and used before the agent is installed is retransformed: run in a JVM of its
 * own, since in this one the agent may be installed already by another test.
 */
class LoadedBeforeAgentTest {

    @Test
    void aClassLoadedBeforeTheAgentReadsTrialValuesAfterIt() throws Exception {
        String output = runAlone(LoadedBeforeAgentMain.class);

        assertThat(output).contains("before agent: installed=false width=7 scale=1.5");
        Matcher inTrial = Pattern.compile("in trial: width=(\\d+) scale=(\\S+)").matcher(output);
        assertThat(inTrial.find()).as(output).isTrue();
        int width = Integer.parseInt(inTrial.group(1));
        double scale = Double.parseDouble(inTrial.group(2));
        assertThat(width).isBetween(100, 200);
        assertThat(scale).isBetween(10.0, 20.0);
        String early = LoadedBeforeAgentMain.Early.class.getName();
        assertThat(output).contains(early + ".width=" + width).contains(early + ".scale=" + scale);
        assertThat(output).contains("after trial: width=7 scale=1.5");
        // installed by self-attach, twice asked: one warning, which says how to do better
        assertThat(output.split("\\[tuner\\] WARNING", -1)).as(output).hasSize(2);
        assertThat(output).contains("-javaagent:");
    }

    /** Runs a main class in a new JVM on this test's class path; returns its output and errors. */
    private static String runAlone(Class<?> main) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                main.getName()))
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
