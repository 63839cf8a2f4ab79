package dev.tuner.maven;

import dev.tuner.core.storage.Storages;
import dev.tuner.engine.Constants;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Packages the project's {@code @Tune} studies as a search worker that runs without Maven: a
 * directory with the classes, the test classes, every jar the studies need and the {@code java}
 * command that runs them, all by relative paths, to copy into a container image or onto any
 * machine with a JDK. Run it from its directory, with settings as {@code -D} options:
 *
 * <pre>
 * mvn tuner:package-worker -Dtuner.storage=jdbc:postgresql://dbhost:5432/tuner
 * cd target/tuner-worker
 * ./worker -Dtuner.trials=500
 * java @worker.args -Dtuner.trials=500 dev.tuner.engine.console.TunerConsole test-classes   # the same, without a shell
 * </pre>
 *
 * <p>It takes the {@code tune} goal's settings ({@code trials}, {@code storage}, {@code test},
 * {@code argLine}, ...), which become the worker's defaults; settings given when it runs win. The
 * paths of this machine ({@code outputDirectory}, {@code outputFile}, {@code warmStart}) are left out:
 * give them when the worker runs. No login goes into the worker: a database's comes from the
 * environment it runs in ({@code TUNER_JDBC_USER} and {@code TUNER_JDBC_PASSWORD}), and a storage
 * URL with a password in it is refused.
 */
@Mojo(name = "package-worker", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class PackageWorkerMojo extends TuneMojo {

    /** The settings that name paths of the machine the worker is built on, which it runs without. */
    private static final List<String> LOCAL_PATHS = List.of(Constants.OUTPUT_DIR_PROPERTY_NAME,
            Constants.OUTPUT_FILE_PROPERTY_NAME, Constants.WARM_START_PROPERTY_NAME);

    /**
     * The directory the worker is written to, replacing what it held. Example:
     * {@code -Dtuner.worker.directory=target/worker}. Default: {@code ${project.build.directory}/tuner-worker}.
     */
    @Parameter(property = Constants.WORKER_DIRECTORY_PROPERTY_NAME, defaultValue = "${project.build.directory}/tuner-worker")
    private File workerDirectory;

    @Override
    protected void executeTuner() throws MojoExecutionException, MojoFailureException {
        File testClasses = prepare();
        Map<String, String> settings = engineProperties();
        LOCAL_PATHS.forEach(settings::remove);
        try {
            Storages.checkNoSecret(settings.get(Constants.STORAGE_PROPERTY_NAME));
            new WorkerPackage(workerDirectory.toPath()).write(classpath(), agentJar(), JvmOptions.split(argLine()),
                    settings, testClasses.toPath());
        } catch (IllegalArgumentException invalid) {
            throw new MojoFailureException(invalid.getMessage(), invalid);
        } catch (IOException failed) {
            throw new MojoExecutionException("Could not write the worker to " + workerDirectory + ": " + failed.getMessage()
                    + "; check that the directory may be written", failed);
        }
        Path shown = project.getBasedir().toPath().relativize(workerDirectory.toPath().toAbsolutePath());
        getLog().info("Worker written to " + shown + ", to run without Maven from its directory: ./" + WorkerPackage.SCRIPT
                + " -Dtuner.<setting>=..., or " + WorkerPackage.command("-Dtuner.<setting>=...")
                + " (a database login from TUNER_JDBC_USER and TUNER_JDBC_PASSWORD in its environment)");
    }
}
