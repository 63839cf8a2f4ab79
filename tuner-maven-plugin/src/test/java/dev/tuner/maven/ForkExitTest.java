package dev.tuner.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ForkExitTest {

    @Test
    void aFinishedRunPasses() {
        assertThat(ForkExit.failure(0)).isEmpty();
    }

    @Test
    void eachWayOfFailingSaysWhatHappened() {
        assertThat(ForkExit.failure(1).orElseThrow()).contains("A study could not run");
        assertThat(ForkExit.failure(2).orElseThrow()).contains("no @Tune method matched");
        assertThat(ForkExit.failure(3).orElseThrow()).contains("exited before they finished")
                .contains("System.exit");
        assertThat(ForkExit.failure(4).orElseThrow()).contains("older than the Java the test classes were compiled for")
                .contains("maven-toolchains-plugin").doesNotContain("no @Tune method matched");
        assertThat(ForkExit.failure(42).orElseThrow()).contains("exit code 42").doesNotContain("printed above");
    }

    @Test
    void aKilledProcessIsToldByItsSignal() throws IOException, InterruptedException {
        // a real process killed by SIGKILL, as kill -9 or the OOM killer would
        int code = new ProcessBuilder("sh", "-c", "kill -9 $$").start().waitFor();

        assertThat(ForkExit.failure(code).orElseThrow()).contains("killed by signal 9 (exit code 137)");
    }
}
