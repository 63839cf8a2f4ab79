package dev.tuner.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentArgLineTest {

    private static final Path JAR = Path.of("/repo/dev/tuner/tuner-core/1.0/tuner-core-1.0.jar");

    @Test
    void theAgentComesFirstAndTheEarlierOptionsStay() {
        assertThat(AgentArgLine.prepend(JAR, "-Xmx1g -XX:-EnableDynamicAgentLoading"))
                .isEqualTo("-javaagent:" + JAR + " -Xmx1g -XX:-EnableDynamicAgentLoading");
        assertThat(AgentArgLine.prepend(JAR, null)).isEqualTo("-javaagent:" + JAR);
    }

    @Test
    void anEarlierTunerAgentIsReplacedAndOtherAgentsKept() {
        String jacoco = "-javaagent:/repo/org.jacoco.agent-0.8.12-runtime.jar=destfile=target/jacoco.exec";
        String twice = AgentArgLine.prepend(JAR, AgentArgLine.prepend(Path.of("/old/tuner-core-0.9.jar"), jacoco));

        assertThat(twice).isEqualTo("-javaagent:" + JAR + " " + jacoco);
    }

    @Test
    void pathsWithSpacesAreQuoted() {
        assertThat(AgentArgLine.prepend(Path.of("/my repo/tuner-core-1.0.jar"), "\"-Dname=a b\""))
                .isEqualTo("\"-javaagent:/my repo/tuner-core-1.0.jar\" \"-Dname=a b\"");
    }
}
