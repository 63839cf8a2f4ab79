package dev.tuner.maven;

import dev.tuner.core.storage.Storages;
import dev.tuner.engine.Constants;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Runs every {@code @Tune} study in the project's test sources and writes each study's best
 * parameters to {@code target/tuner/<TestClass>.<method>.properties}.
 *
 * <p>The test sources are compiled first; the studies run in a forked JVM on the project's test
 * classpath, with the tuner engine added if the project does not declare it. Each trial is printed
 * as it finishes, and a summary at the end. Examples:
 *
 * <pre>
 * mvn tuner:tune
 * mvn tuner:tune -Dtuner.test=ClassifierTuning -Dtuner.trials=500 -Dtuner.seed=1
 * </pre>
 *
 * <p>Every {@code -Dtuner.*} property given to Maven is handed to the engine as a configuration
 * parameter. The goal fails when a study cannot run (an invalid declaration, or no trial
 * completing) or when no study matches; failed trials alone do not fail it.
 */
@Mojo(name = "tune", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class TuneMojo extends AbstractTunerMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    @Component
    private SettingsDecrypter decrypter;

    @Component
    private RepositorySystem repositorySystem;

    @Component
    private ToolchainManager toolchainManager;

    /** Trial budget of every study, overriding {@code @Tune(trials)}. Example: {@code -Dtuner.trials=500}. */
    @Parameter(property = Constants.TRIALS_PROPERTY_NAME)
    private Integer trials;

    /** Sampler seed of every study, overriding {@code @Tune(seed)}. Example: {@code -Dtuner.seed=1}. */
    @Parameter(property = Constants.SEED_PROPERTY_NAME)
    private Long seed;

    /** Sampler of every study, overriding {@code @Tune(sampler)}. Example: {@code -Dtuner.sampler=random}. */
    @Parameter(property = Constants.SAMPLER_PROPERTY_NAME)
    private String sampler;

    /**
     * Pruner of every study, overriding {@code @Tune(pruner)}: {@code median} (the default),
     * {@code percentile}, {@code sh}, {@code hyperband} or {@code nop}; its options are the properties
     * {@code tuner.<pruner>.<option>}. Example: {@code -Dtuner.pruner=hyperband -Dtuner.hyperband.maxResource=50}.
     */
    @Parameter(property = Constants.PRUNER_PROPERTY_NAME)
    private String pruner;

    /**
     * Test classes to run: comma-separated simple or qualified class names, {@code *} as wildcard.
     * Example: {@code -Dtuner.test=QuickstartTuning}. Default: every class with a {@code @Tune} method.
     */
    @Parameter(property = Constants.TEST_PROPERTY_NAME)
    private String test;

    /** Trials of a study run at once, on threads of the forked JVM. Example: {@code -Dtuner.parallelism=4}. */
    @Parameter(property = Constants.PARALLELISM_PROPERTY_NAME)
    private Integer parallelism;

    /**
     * How long each study may start new trials: {@code 90s}, {@code 10m}, {@code 2h} or ISO-8601.
     * Example: {@code -Dtuner.timeout=30m}.
     */
    @Parameter(property = Constants.TIMEOUT_PROPERTY_NAME)
    private String timeout;

    /**
     * Whether failed trials are made up for: they do not count against the budget, and a trial whose
     * worker died is run again with its values, once. Example: {@code -Dtuner.retry.failed=true}.
     */
    @Parameter(property = Constants.RETRY_FAILED_PROPERTY_NAME)
    private Boolean retryFailed;

    /** How long one trial may run before it fails. Example: {@code -Dtuner.trial.timeout=2m}. */
    @Parameter(property = Constants.TRIAL_TIMEOUT_PROPERTY_NAME)
    private String trialTimeout;

    /**
     * Where each study's trials are kept, overriding {@code @Tune(storage)}: {@code journal:<path>},
     * {@code memory:} or {@code jdbc:postgresql://host:port/database} (credentials from the
     * environment, {@code TUNER_JDBC_USER} and {@code TUNER_JDBC_PASSWORD}, or from the Maven settings'
     * server named by {@code jdbcServerId}; a URL with a password in it is refused). A study found there
     * is resumed. Default: {@code journal:target/tuner/journal.jsonl}.
     */
    @Parameter(property = Constants.STORAGE_PROPERTY_NAME)
    private String storage;

    /**
     * How long the studies wait for the server of a {@code jdbc:postgresql:} storage that went away or
     * is not up yet (a restart, a failover), retrying on a new connection and keeping what they are
     * to write in memory, before a study fails saying so: {@code 90s}, {@code 5m} or ISO-8601.
     * Default: {@code 60s}. Example: {@code -Dtuner.storage.outage.timeout=5m}.
     */
    @Parameter(property = Constants.STORAGE_OUTAGE_TIMEOUT_PROPERTY_NAME)
    private String storageOutageTimeout;

    /**
     * What to do with each study: {@code search} (the default of this goal), {@code best} (run the
     * objective once with the best known parameters) or {@code off}.
     */
    @Parameter(property = Constants.MODE_PROPERTY_NAME, defaultValue = "search")
    private String mode;

    /**
     * How each trial is named: a pattern with {@code {number}}, {@code {params}}, {@code {value}}
     * and {@code {state}}. Default: {@code #{number} {params} → {value}}.
     */
    @Parameter(property = Constants.DISPLAY_NAME_PROPERTY_NAME)
    private String displayName;

    /**
     * A properties file of knob values that a new study tries first, e.g. the best of an earlier
     * run; the trial is enqueued in the study's storage, so the first worker to start a trial runs
     * it. Example: {@code -Dtuner.warm.start=src/main/resources/tuner.properties}.
     */
    @Parameter(property = Constants.WARM_START_PROPERTY_NAME)
    private File warmStart;

    /**
     * A properties file the best parameters of every study are merged into, so that production code
     * reads them with {@code Tuned}. Example: {@code -Dtuner.output.file=src/main/resources/tuner.properties}.
     */
    @Parameter(property = Constants.OUTPUT_FILE_PROPERTY_NAME)
    private File outputFile;

    /**
     * Whether each study also writes its HTML report (a page of plots, and {@code index.html} listing
     * every study) to the output directory: {@code true} or {@code false}, checked by the engine.
     * Example: {@code -Dtuner.report=false}. Default: {@code true}.
     */
    @Parameter(property = Constants.REPORT_PROPERTY_NAME)
    private String report;

    /**
     * How often the progress line is refreshed, as {@code 500ms} or {@code 10s}. Default: twice a
     * second on a terminal, every ten seconds otherwise.
     */
    @Parameter(property = Constants.PROGRESS_INTERVAL_PROPERTY_NAME)
    private String progressInterval;

    /**
     * The id of a {@code <server>} in the Maven settings whose username and password log in to a
     * {@code jdbc:postgresql:} storage, so that no credential is written in the pom; the password may be
     * encrypted with {@code mvn --encrypt-password}. The login reaches the forked JVM in its environment,
     * never on its command line. Environment variables {@code TUNER_JDBC_USER} and
     * {@code TUNER_JDBC_PASSWORD}, when set, take precedence. A server the settings lack fails the goal.
     * Example: {@code -Dtuner.jdbc.server.id=tuner-db}. Default: a server with id {@code tuner}, if the
     * settings have one.
     */
    @Parameter(property = Constants.JDBC_SERVER_ID_PROPERTY_NAME)
    private String jdbcServerId;

    /**
     * Where each study's properties file and report are written, the engine's {@code tuner.output.dir}.
     * Default: {@code ${project.build.directory}/tuner}.
     */
    @Parameter(property = Constants.OUTPUT_DIR_PROPERTY_NAME)
    private File outputDirectory;

    /** JVM options of the forked JVM, as Surefire's {@code argLine}. Example: {@code -Xmx2g}. */
    @Parameter(property = Constants.ARG_LINE_PROPERTY_NAME)
    private String argLine;

    /**
     * The {@code java} executable of the forked JVM, as Surefire's {@code jvm}; it wins over JDK toolchains.
     * Default: the {@code java} of the JDK toolchain ({@code jdkToolchain}, else the build's, which
     * maven-toolchains-plugin selects), else the one running Maven.
     */
    @Parameter(property = Constants.JVM_PROPERTY_NAME)
    private File jvm;

    /**
     * The JDK toolchain the forked JVM runs on, as Surefire's {@code jdkToolchain}: the values its
     * {@code <provides>} in {@code toolchains.xml} must have, e.g. {@code <version>25</version>}.
     * Default: the build's JDK toolchain, selected by maven-toolchains-plugin, if any.
     */
    @Parameter
    private Map<String, String> jdkToolchain;

    @Override
    protected void executeTuner() throws MojoExecutionException, MojoFailureException {
        File testClasses = prepare();
        Plugin surefire = project.getPlugin("org.apache.maven.plugins:maven-surefire-plugin");
        SurefireCheck.warning(surefire == null ? null : surefire.getVersion()).ifPresent(getLog()::warn);
        ForkedTuning fork = new ForkedTuning(javaExecutable().java(), project.getBasedir().toPath(),
                Path.of(project.getBuild().getDirectory()));
        Map<String, String> properties = engineProperties();
        int exitCode;
        try {
            // before the storage is written into the fork's argument file
            Storages.checkNoSecret(properties.get(Constants.STORAGE_PROPERTY_NAME));
            Map<String, String> login = new JdbcServerLogin(session.getSettings(), settingsFiles(), decrypter,
                    System.getenv(), getLog()).variables(properties.get(Constants.STORAGE_PROPERTY_NAME), jdbcServerId);
            List<String> classpath = classpath();
            try (OutputSnapshot classes = OutputSnapshot.of(Path.of(project.getBuild().getDirectory()),
                    List.of(Path.of(project.getBuild().getOutputDirectory()), testClasses.toPath()))) {
                exitCode = fork.run(classes.classpath(classpath), argLine, properties, login,
                        Path.of(classes.copyOf(testClasses.getPath())), agentJar());
            }
        } catch (IllegalArgumentException invalid) {
            throw new MojoFailureException(invalid.getMessage(), invalid);
        } catch (IOException failed) {
            throw new MojoExecutionException("Could not start the JVM that runs the studies: " + failed.getMessage(),
                    failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while the studies ran", interrupted);
        }
        Optional<String> failure = ForkExit.failure(exitCode);
        if (failure.isPresent()) {
            throw new MojoFailureException(failure.get());
        }
    }

    /** The JVM options of the JVM that runs the studies, as given. */
    String argLine() {
        return argLine;
    }

    /**
     * Applies the old names of settings and the output directory's default, and checks that the
     * project has compiled test classes; returns their directory.
     */
    File prepare() throws MojoFailureException {
        try {
            applyOldPropertyNames(RenamedProperties.resolve(session.getUserProperties(), session.getSystemProperties(),
                    project.getProperties(), getLog()::warn));
        } catch (IllegalArgumentException conflict) {
            throw new MojoFailureException(conflict.getMessage(), conflict);
        }
        if (outputDirectory == null) {
            outputDirectory = new File(project.getBuild().getDirectory(), "tuner");
        }
        File testClasses = new File(project.getBuild().getTestOutputDirectory());
        if (!testClasses.isDirectory()) {
            throw new MojoFailureException("No compiled test classes in " + testClasses
                    + ": @Tune methods live in the test sources (src/test/java); add one there");
        }
        return testClasses;
    }

    /** The project's test classpath, then the launcher of its JUnit Platform and the plugin's artifacts it lacks. */
    List<String> classpath() throws MojoExecutionException {
        List<String> testClasspath;
        try {
            testClasspath = project.getTestClasspathElements();
        } catch (DependencyResolutionRequiredException unresolved) {
            throw new MojoExecutionException("The test classpath is not resolved: " + unresolved.getMessage(),
                    unresolved);
        }
        List<ForkClasspath.Entry> projectArtifacts = entries(project.getArtifacts());
        if (ForkClasspath.platformVersion(projectArtifacts).isEmpty()) {
            getLog().warn("The test classpath of " + project.getArtifactId() + " has no JUnit Platform, so mvn test "
                    + "and IDEs cannot run its @Tune studies (tuner:tune brings its own). Add "
                    + "org.junit.jupiter:junit-jupiter (5.10 or newer) with <scope>test</scope> to the pom.");
        }
        try {
            return ForkClasspath.assemble(testClasspath, projectArtifacts, entries(pluginArtifacts), this::launcher);
        } catch (UncheckedIOException unresolved) {
            throw new MojoExecutionException(unresolved.getMessage(), unresolved.getCause());
        }
    }

    private static List<ForkClasspath.Entry> entries(Collection<Artifact> artifacts) {
        return artifacts.stream()
                .map(a -> new ForkClasspath.Entry(a.getGroupId(), a.getArtifactId(), a.getVersion(), a.getFile()))
                .collect(Collectors.toList());
    }

    /** The JUnit Platform launcher of {@code version}, from the project's repositories. */
    private File launcher(String version) {
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(ForkClasspath.PLATFORM_GROUP,
                ForkClasspath.LAUNCHER, "jar", version), project.getRemoteProjectRepositories(), null);
        try {
            return repositorySystem.resolveArtifact(session.getRepositorySession(), request).getArtifact().getFile();
        } catch (ArtifactResolutionException failed) {
            throw new UncheckedIOException(new IOException("Could not resolve " + ForkClasspath.PLATFORM_GROUP + ":"
                    + ForkClasspath.LAUNCHER + ":" + version + ", the launcher of the project's JUnit Platform that "
                    + "the studies run on: " + failed.getMessage() + ". Check the repositories of the pom and "
                    + "settings.xml, or add that artifact with <scope>test</scope>.", failed));
        }
    }

    /**
     * tuner-core's jar on the forked classpath, which is also the agent: the project's own when it
     * depends on it (the same file then serves both), else the plugin's.
     */
    Optional<Path> agentJar() {
        Optional<Path> jar = AgentJar.find(project.getArtifacts(), pluginArtifacts);
        if (jar.isEmpty()) {
            getLog().warn("tuner-core is not a jar on the classpath of the studies, so the Tuner agent cannot be "
                    + "given with -javaagent; the engine will attach it itself for studies that need it");
        }
        return jar;
    }

    /**
     * Parameters given by the old names of their properties ({@code -Dtuner.outputFile}), as Maven would
     * have set them: unless the pom's element or the new name set them already.
     *
     * @param renamed the values given by old names, by new name
     */
    private void applyOldPropertyNames(Map<String, String> renamed) {
        if (displayName == null) {
            displayName = renamed.get(Constants.DISPLAY_NAME_PROPERTY_NAME);
        }
        if (warmStart == null) {
            warmStart = projectFile(renamed.get(Constants.WARM_START_PROPERTY_NAME));
        }
        if (outputFile == null) {
            outputFile = projectFile(renamed.get(Constants.OUTPUT_FILE_PROPERTY_NAME));
        }
        if (outputDirectory == null) {
            outputDirectory = projectFile(renamed.get(Constants.OUTPUT_DIR_PROPERTY_NAME));
        }
        if (argLine == null) {
            argLine = renamed.get(Constants.ARG_LINE_PROPERTY_NAME);
        }
        if (jdbcServerId == null) {
            jdbcServerId = renamed.get(Constants.JDBC_SERVER_ID_PROPERTY_NAME);
        }
    }

    /** {@code path} relative to the project's directory, as Maven resolves a {@code File} parameter; null for null. */
    private File projectFile(String path) {
        return path == null ? null : project.getBasedir().toPath().resolve(path).toFile();
    }

    /** Every {@code -Dtuner.*} user property but the old names (applied to the parameters), then this goal's parameters. */
    Map<String, String> engineProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        session.getUserProperties().forEach((key, value) -> {
            if (key.toString().startsWith("tuner.") && !Constants.RENAMED_PROPERTY_NAMES.containsKey(key.toString())) {
                properties.put(key.toString(), value.toString());
            }
        });
        putIfSet(properties, Constants.TRIALS_PROPERTY_NAME, trials);
        putIfSet(properties, Constants.SEED_PROPERTY_NAME, seed);
        putIfSet(properties, Constants.SAMPLER_PROPERTY_NAME, sampler);
        putIfSet(properties, Constants.PRUNER_PROPERTY_NAME, pruner);
        putIfSet(properties, Constants.TEST_PROPERTY_NAME, test);
        putIfSet(properties, Constants.PARALLELISM_PROPERTY_NAME, parallelism);
        putIfSet(properties, Constants.TIMEOUT_PROPERTY_NAME, timeout);
        putIfSet(properties, Constants.TRIAL_TIMEOUT_PROPERTY_NAME, trialTimeout);
        putIfSet(properties, Constants.RETRY_FAILED_PROPERTY_NAME, retryFailed);
        putIfSet(properties, Constants.STORAGE_PROPERTY_NAME, storage);
        putIfSet(properties, Constants.STORAGE_OUTAGE_TIMEOUT_PROPERTY_NAME, storageOutageTimeout);
        putIfSet(properties, Constants.MODE_PROPERTY_NAME, mode);
        putIfSet(properties, Constants.DISPLAY_NAME_PROPERTY_NAME, displayName);
        putIfSet(properties, Constants.WARM_START_PROPERTY_NAME, warmStart == null ? null : warmStart.getAbsolutePath());
        putIfSet(properties, Constants.OUTPUT_FILE_PROPERTY_NAME, outputFile == null ? null : outputFile.getAbsolutePath());
        putIfSet(properties, Constants.PROGRESS_INTERVAL_PROPERTY_NAME, progressInterval);
        putIfSet(properties, Constants.REPORT_PROPERTY_NAME, report);
        properties.put(Constants.OUTPUT_DIR_PROPERTY_NAME, outputDirectory.getAbsolutePath());
        // Maven-side options, not engine settings
        properties.remove(Constants.ARG_LINE_PROPERTY_NAME);
        properties.remove(Constants.JVM_PROPERTY_NAME);
        properties.remove(Constants.SKIP_PROPERTY_NAME);
        properties.remove(Constants.JDBC_SERVER_ID_PROPERTY_NAME);
        properties.remove(Constants.WORKER_DIRECTORY_PROPERTY_NAME);
        return properties;
    }

    /** The settings files Maven read, for messages: the user's and the global one that exist. */
    private String settingsFiles() {
        String files = Stream.of(session.getRequest().getUserSettingsFile(), session.getRequest().getGlobalSettingsFile())
                .filter(file -> file != null && file.isFile())
                .map(File::getPath)
                .collect(Collectors.joining(", "));
        return files.isEmpty() ? "none found" : files;
    }

    private static void putIfSet(Map<String, String> properties, String key, Object value) {
        if (value != null) {
            properties.put(key, value.toString());
        }
    }

    /** The forked JVM's {@code java}, chosen as Surefire chooses its own (see {@link ForkJdk}), said in the log. */
    private ForkJdk.Choice javaExecutable() throws MojoFailureException {
        ForkJdk.Choice choice;
        try {
            choice = ForkJdk.choose(jvm, jdkToolchain,
                    jdkToolchain == null || jdkToolchain.isEmpty() ? List.of()
                            : toolchainManager.getToolchains(session, "jdk", jdkToolchain).stream()
                                    .map(TuneMojo::toolchain).collect(Collectors.toList()),
                    Optional.ofNullable(toolchainManager.getToolchainFromBuildContext("jdk", session))
                            .map(TuneMojo::toolchain),
                    Path.of(System.getProperty("java.home")), toolchainsFiles(), getLog()::warn);
        } catch (IllegalArgumentException invalid) {
            throw new MojoFailureException(invalid.getMessage(), invalid);
        }
        getLog().info("The studies run on " + choice.java() + ": " + choice.origin());
        return choice;
    }

    private static ForkJdk.Toolchain toolchain(Toolchain toolchain) {
        return new ForkJdk.Toolchain(toolchain.toString(), Optional.ofNullable(toolchain.findTool("java")).map(Path::of));
    }

    /** The toolchains files Maven read, for messages: the user's and the global one that exist. */
    private String toolchainsFiles() {
        String files = Stream.of(session.getRequest().getUserToolchainsFile(),
                        session.getRequest().getGlobalToolchainsFile())
                .filter(file -> file != null && file.isFile())
                .map(File::getPath)
                .collect(Collectors.joining(", "));
        return files.isEmpty() ? "none found" : files;
    }
}
