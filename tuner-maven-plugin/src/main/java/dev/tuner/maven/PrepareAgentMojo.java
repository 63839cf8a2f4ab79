package dev.tuner.maven;

import dev.tuner.engine.Constants;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Gives the Tuner agent to the JVM that Surefire starts for the tests, as JaCoCo's
 * {@code prepare-agent} does: sets Surefire's {@code argLine} (or the property named by
 * {@code propertyName}) to {@code -javaagent:<tuner-core jar>} followed by its earlier value. Studies
 * whose code reads knobs of fields or methods then run under {@code mvn test}, without attaching the
 * agent to a running JVM (which JDK 21 and later warn about and a coming JDK forbids), and IDEs that
 * import the pom's {@code argLine} run them so too. In the pom:
 *
 * <pre>
 * &lt;plugin&gt;
 *   &lt;groupId&gt;dev.tuner&lt;/groupId&gt;
 *   &lt;artifactId&gt;tuner-maven-plugin&lt;/artifactId&gt;
 *   &lt;executions&gt;
 *     &lt;execution&gt;
 *       &lt;goals&gt;&lt;goal&gt;prepare-agent&lt;/goal&gt;&lt;/goals&gt;
 *     &lt;/execution&gt;
 *   &lt;/executions&gt;
 * &lt;/plugin&gt;
 * </pre>
 *
 * <p>A Surefire configuration that sets its own {@code argLine} keeps the agent by starting with
 * {@code @{argLine}}.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class PrepareAgentMojo extends AbstractTunerMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    /**
     * The property set to the agent's option, its earlier value kept after it. Example:
     * {@code -Dtuner.agent.property=tunerArgLine}, with Surefire's {@code <argLine>@{tunerArgLine}</argLine>}.
     */
    @Parameter(property = Constants.AGENT_PROPERTY_PROPERTY_NAME, defaultValue = "argLine")
    private String propertyName;

    @Override
    protected void executeTuner() throws MojoExecutionException {
        Optional<Path> jar = AgentJar.find(project.getArtifacts(), pluginArtifacts);
        if (jar.isEmpty()) {
            throw new MojoExecutionException("tuner-core is not a jar on the test classpath of " + project.getArtifactId()
                    + " nor among the plugin's dependencies, so prepare-agent has no agent to give; add "
                    + "dev.tuner:tuner-junit-engine with <scope>test</scope> to the pom");
        }
        // a -DargLine=... given to Maven wins over the pom's property, as for Surefire itself
        String earlier = session.getUserProperties().getProperty(propertyName,
                project.getProperties().getProperty(propertyName));
        String value = AgentArgLine.prepend(jar.get(), earlier);
        project.getProperties().setProperty(propertyName, value);
        getLog().info(propertyName + " set to " + value);
    }
}
