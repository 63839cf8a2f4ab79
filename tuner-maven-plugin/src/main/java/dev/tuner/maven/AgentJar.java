package dev.tuner.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;

/**
 * tuner-core's jar, which is also the Tuner agent: the project's own when it depends on it (the same
 * file then serves the class path and the agent), else the plugin's. Not a jar (a reactor build's
 * {@code target/classes}) is none: {@code -javaagent} takes jars only.
 */
final class AgentJar {

    private AgentJar() {}

    static Optional<Path> find(Collection<Artifact> projectArtifacts, Collection<Artifact> pluginArtifacts) {
        List<Artifact> candidates = new ArrayList<>(projectArtifacts);
        candidates.addAll(pluginArtifacts);
        for (Artifact artifact : candidates) {
            if (artifact.getGroupId().equals("dev.tuner") && artifact.getArtifactId().equals("tuner-core")
                    && artifact.getFile() != null && artifact.getFile().getName().endsWith(".jar")) {
                return Optional.of(artifact.getFile().toPath());
            }
        }
        return Optional.empty();
    }
}
